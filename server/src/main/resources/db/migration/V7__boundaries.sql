-- Boundaries: each persona's answer (yes, maybe, no) per topic of the operator's catalogue, and its
-- notes. Public, like the persona's profile. Topics later removed from the catalogue are ignored.
CREATE TABLE boundaries (
    persona_id      TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    topic           TEXT NOT NULL,
    answer          TEXT NOT NULL,
    PRIMARY KEY (persona_id, topic)
);

CREATE TABLE boundary_notes (
    persona_id      TEXT PRIMARY KEY REFERENCES personas (id) ON DELETE CASCADE,
    notes           TEXT NOT NULL,
    updated_at      BIGINT NOT NULL
);

-- What an invitation proposes: catalogue topic ids (comma-separated, in catalogue order) and the
-- safeword word. The invitee accepts exactly this or nothing.
ALTER TABLE invitations ADD COLUMN topics TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN safeword TEXT NOT NULL DEFAULT 'red';

-- A scene's agreement: set when the first invitation into it is accepted; later invitations propose
-- the same. Nobody is added to a scene without being a party to it.
CREATE TABLE scene_agreements (
    scene_id        TEXT PRIMARY KEY REFERENCES scenes (id) ON DELETE CASCADE,
    topics          TEXT NOT NULL,
    safeword        TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);

CREATE TABLE scene_agreement_parties (
    scene_id        TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
    persona_id      TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    agreed_at       BIGINT NOT NULL,
    PRIMARY KEY (scene_id, persona_id)
);
