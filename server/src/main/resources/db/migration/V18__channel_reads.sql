-- How far each member of a channel has read there, for its own devices only (never shown to anyone
-- else): the number of the newest line read (channel_messages.seq) and, once the persona has marked a
-- line read, that line's id. A member's row is made with its membership, at the channel's newest
-- line, and goes with it: leaving, a kick, the persona or the channel deleted.
CREATE TABLE channel_reads (
    persona_id      TEXT NOT NULL,
    channel         TEXT NOT NULL,
    seq             BIGINT NOT NULL,
    message_id      TEXT,
    PRIMARY KEY (persona_id, channel),
    FOREIGN KEY (channel, persona_id) REFERENCES channel_members (channel, persona_id) ON DELETE CASCADE
);

-- The members of before start with everything read: unread lines are counted from now on.
INSERT INTO channel_reads (persona_id, channel, seq)
SELECT cm.persona_id, cm.channel, COALESCE((SELECT MAX(m.seq) FROM channel_messages m WHERE m.channel = cm.channel), 0)
FROM channel_members cm;
