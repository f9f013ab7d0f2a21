-- The text world: rooms, the exits between them, the things in them, and where each persona is.
-- Ids are the operator's slugs ("courtyard", "courtyard-north"), stable across export and import.
-- A room owned by nobody is part of the shipped area or an operator's import; an owner's deletion
-- leaves the room, ownerless.
CREATE TABLE world_rooms (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    description         TEXT NOT NULL,
    owner_persona_id    TEXT REFERENCES personas (id) ON DELETE SET NULL,
    rating              TEXT NOT NULL CHECK (rating IN ('general', 'mature', 'adult')),
    lock_expression     TEXT
);

-- An exit leads one way; a return exit is another row. Aliases are space-separated words. An exit
-- goes with either of its rooms.
CREATE TABLE world_exits (
    id                  TEXT PRIMARY KEY,
    from_room           TEXT NOT NULL REFERENCES world_rooms (id) ON DELETE CASCADE,
    name                TEXT NOT NULL,
    aliases             TEXT NOT NULL DEFAULT '',
    to_room             TEXT NOT NULL REFERENCES world_rooms (id) ON DELETE CASCADE,
    lock_expression     TEXT
);
CREATE INDEX world_exits_from ON world_exits (from_room);
CREATE INDEX world_exits_to ON world_exits (to_room);

-- A thing lies in exactly one room or is carried by exactly one persona. It goes with its room, and
-- with the persona carrying it (nobody else can reach what a deleted persona carried).
CREATE TABLE world_things (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    description         TEXT NOT NULL,
    room_id             TEXT REFERENCES world_rooms (id) ON DELETE CASCADE,
    carrier_persona_id  TEXT REFERENCES personas (id) ON DELETE CASCADE,
    portable            BOOLEAN NOT NULL,
    owner_persona_id    TEXT REFERENCES personas (id) ON DELETE SET NULL,
    CHECK ((room_id IS NULL) <> (carrier_persona_id IS NULL))
);
CREATE INDEX world_things_in_room ON world_things (room_id);
CREATE INDEX world_things_carried ON world_things (carrier_persona_id);
CREATE INDEX world_things_owned ON world_things (owner_persona_id);
CREATE INDEX world_rooms_owned ON world_rooms (owner_persona_id);

-- Each persona's place and in-world description; a persona without a row, or whose room was
-- deleted (room_id set to NULL), is in the starting room. The row goes with the persona.
CREATE TABLE world_personas (
    persona_id          TEXT PRIMARY KEY REFERENCES personas (id) ON DELETE CASCADE,
    room_id             TEXT REFERENCES world_rooms (id) ON DELETE SET NULL,
    description         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX world_personas_by_room ON world_personas (room_id);

-- The starting room, in one row. The row's existence also says the world was made (the shipped
-- area loaded or an operator's imported), so a restart never loads the shipped area again.
CREATE TABLE world_start (
    only_row            INTEGER PRIMARY KEY CHECK (only_row = 1),
    room_id             TEXT NOT NULL REFERENCES world_rooms (id)
);
