-- Socket tickets are kept in the database again (V4 had moved them to memory), so that a ticket fetched
-- over HTTP from one server process opens a socket on another behind the same load balancer. Only the
-- SHA-256 of each ticket is stored; redeeming deletes the row, so a ticket works once, on whichever
-- process gets it first. On PostgreSQL the table is unlogged: its writes skip the write-ahead log and
-- never wait for a disk sync, which was V4's reason, and a crash empties it, which costs a client with
-- a ticket in flight only asking for another. No foreign key to sessions: redeeming checks that the
-- session is still live, and a key would make every deleted session look through the tickets.
CREATE ${unlogged} TABLE socket_tickets (
    ticket_hash     TEXT PRIMARY KEY,
    session_id      TEXT NOT NULL,
    expires_at      BIGINT NOT NULL
);
CREATE INDEX socket_tickets_by_expiry ON socket_tickets (expires_at);
