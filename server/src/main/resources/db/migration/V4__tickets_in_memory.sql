-- Socket tickets live a minute at most and now stay in memory: a ticket lost in a restart only
-- makes the client ask for another, and writing each to disk made every connect wait for a sync.
DROP TABLE socket_tickets;
