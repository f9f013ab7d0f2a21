-- Public channels, their members, and their history (kept only for the configured retention).
CREATE TABLE channels (
    name                TEXT PRIMARY KEY,
    topic               TEXT NOT NULL DEFAULT '',
    owner_persona_id    TEXT REFERENCES personas (id) ON DELETE SET NULL,
    created_at          BIGINT NOT NULL
);

CREATE TABLE channel_members (
    channel         TEXT NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    persona_id      TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    joined_at       BIGINT NOT NULL,
    PRIMARY KEY (channel, persona_id)
);
CREATE INDEX channel_members_by_persona ON channel_members (persona_id);

-- Ids are time-ordered, so ordering by id is ordering by time.
CREATE TABLE channel_messages (
    id              TEXT PRIMARY KEY,
    channel         TEXT NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    persona_id      TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX channel_messages_by_channel ON channel_messages (channel, id);
CREATE INDEX channel_messages_by_time ON channel_messages (created_at);
CREATE INDEX channel_messages_by_persona ON channel_messages (persona_id);
