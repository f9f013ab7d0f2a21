-- The client's own id for a channel line, unique per persona, so that a say or pose sent again after
-- a lost reply is stored once. Lines sent without one have none; NULLs never collide.
ALTER TABLE channel_messages ADD COLUMN client_id TEXT;
CREATE UNIQUE INDEX channel_messages_by_client_id ON channel_messages (persona_id, client_id);

-- The one row that /readyz writes: a database that takes this write takes the server's others.
CREATE TABLE readiness (
    name            TEXT PRIMARY KEY,
    checked_at      BIGINT NOT NULL
);
