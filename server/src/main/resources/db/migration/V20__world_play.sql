-- Playing the world. A persona is in the world from entering it until it leaves it (the flag), and is
-- shown in its room while it is also online; its home is where `home` takes it (none: the start).
ALTER TABLE world_personas ADD COLUMN in_world BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE world_personas ADD COLUMN home_room TEXT REFERENCES world_rooms (id) ON DELETE SET NULL;

-- Accounts that chose to enter adult-rated rooms, and since when (no row: they did not).
CREATE TABLE world_adult_areas (
    account_id          TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    since               BIGINT NOT NULL
);

-- The lines of the world (says, poses, emits, whispers, pages), kept only within the history
-- retention, like channel lines, so that they can be reported. A page has no room.
CREATE TABLE world_lines (
    id                  TEXT PRIMARY KEY,
    room_id             TEXT REFERENCES world_rooms (id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('say', 'pose', 'semipose', 'emit', 'whisper', 'page')),
    author_persona_id   TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    to_persona_id       TEXT REFERENCES personas (id) ON DELETE CASCADE,
    text                TEXT NOT NULL,
    at                  BIGINT NOT NULL
);
CREATE INDEX world_lines_room ON world_lines (room_id, at);
CREATE INDEX world_lines_at ON world_lines (at);
CREATE INDEX world_lines_author ON world_lines (author_persona_id);
CREATE INDEX world_lines_to ON world_lines (to_persona_id);

-- What a builder or moderator changed in a room, so that a moderator can undo vandalism: the room
-- as it was before each change; ids are time-ordered, so the newest is the greatest.
CREATE TABLE world_room_edits (
    id                  TEXT PRIMARY KEY,
    room_id             TEXT NOT NULL REFERENCES world_rooms (id) ON DELETE CASCADE,
    by_persona_id       TEXT REFERENCES personas (id) ON DELETE SET NULL,
    name                TEXT NOT NULL,
    description         TEXT NOT NULL,
    rating              TEXT NOT NULL,
    lock_expression     TEXT,
    at                  BIGINT NOT NULL
);
CREATE INDEX world_room_edits_room ON world_room_edits (room_id, id);
