-- Transcript consent. Nobody keeps a scene's transcript unless a member asked and every member
-- agrees; the answers hold for the members there when they were given (`members` fingerprints them),
-- so anyone joining or leaving clears them. No text of the scene is ever here.
CREATE TABLE transcript_requests (
    scene_id        TEXT PRIMARY KEY REFERENCES scenes (id) ON DELETE CASCADE,
    requested_by    TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    members         TEXT NOT NULL,
    requested_at    BIGINT NOT NULL
);

CREATE TABLE transcript_answers (
    scene_id        TEXT NOT NULL REFERENCES transcript_requests (scene_id) ON DELETE CASCADE,
    persona_id      TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    agreed          BOOLEAN NOT NULL,
    PRIMARY KEY (scene_id, persona_id)
);

-- One row per export: the mark hidden in that copy, and whose copy it is. Kept after the scene, the
-- persona and the account are gone (names as they were at export), so that a leak can still be traced.
CREATE TABLE transcript_marks (
    mark            TEXT PRIMARY KEY,
    scene_id        TEXT NOT NULL,
    persona_id      TEXT NOT NULL,
    persona_name    TEXT NOT NULL,
    account_id      TEXT NOT NULL,
    username        TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);
