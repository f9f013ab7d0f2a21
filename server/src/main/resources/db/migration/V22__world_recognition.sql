-- Recognition, for worlds whose operator turns it on ([world] recognition): each persona's short
-- description (sdesc), which others see instead of its name until they recognise it.
CREATE TABLE world_short_descriptions (
    persona_id          TEXT PRIMARY KEY REFERENCES personas (id) ON DELETE CASCADE,
    sdesc               TEXT NOT NULL,
    at                  BIGINT NOT NULL
);

-- Whom each persona recognises, under the name it chose (or was introduced to): private to the
-- viewer. name_key is the name as looked up (normalized, lower case), one per viewer.
CREATE TABLE world_recognitions (
    viewer_persona_id   TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    known_persona_id    TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    name                TEXT NOT NULL,
    name_key            TEXT NOT NULL,
    at                  BIGINT NOT NULL,
    PRIMARY KEY (viewer_persona_id, known_persona_id)
);
CREATE UNIQUE INDEX world_recognitions_name ON world_recognitions (viewer_persona_id, name_key);
CREATE INDEX world_recognitions_known ON world_recognitions (known_persona_id);
