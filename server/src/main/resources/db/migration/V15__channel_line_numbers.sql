-- Each channel numbers its lines 1, 2, 3, ... as they are stored, so that a process that missed some
-- on the bus between processes sees the hole and fetches them. Lines stored before have no number.
ALTER TABLE channels ADD COLUMN last_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE channel_messages ADD COLUMN seq BIGINT;
CREATE INDEX channel_messages_by_seq ON channel_messages (channel, seq);
