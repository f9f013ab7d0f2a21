-- The token buckets of the rate limits that hold across server processes (channel lines, invitations,
-- reports, socket tickets, failed logins and registrations), as bucket4j keeps them: one row per limit
-- and key, the key being a hash of the account, session, username or address; the bucket's state in
-- bucket4j's binary form; and when it is full again, after which the row is deleted. Only PostgreSQL
-- uses it: a server on SQLite is the only process on its database and keeps its buckets in memory.
-- Unlogged like the tickets: a limit must not wait for the disk, and a crash only resets the limits.
CREATE ${unlogged} TABLE rate_limit_buckets (
    id              TEXT PRIMARY KEY,
    state           ${binary},
    expires_at      BIGINT
);
CREATE INDEX rate_limit_buckets_by_expiry ON rate_limit_buckets (expires_at);
