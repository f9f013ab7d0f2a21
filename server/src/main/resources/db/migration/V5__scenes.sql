-- Private scenes. The server is an MLS Delivery Service: it keeps devices' public keys and
-- KeyPackages, the order of each scene's commits, and ciphertext queued per device until acknowledged
-- or until the scene's disappearing timer runs out. Nothing here is readable scene content.

CREATE TABLE devices (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    signature_key   ${binary} NOT NULL UNIQUE,
    created_at      BIGINT NOT NULL
);
CREATE INDEX devices_by_account ON devices (account_id);

-- KeyPackages waiting to be handed out, by their KeyPackageRef; a last-resort one is handed out again and again.
CREATE TABLE key_packages (
    ref             ${binary} PRIMARY KEY,
    device_id       TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    persona_id      TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    data            ${binary} NOT NULL,
    last_resort     BOOLEAN NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX key_packages_by_device ON key_packages (device_id, persona_id);

CREATE TABLE scenes (
    id              TEXT PRIMARY KEY,
    epoch           BIGINT NOT NULL DEFAULT 0,
    last_seq        BIGINT NOT NULL DEFAULT 0,
    timer_seconds   BIGINT NOT NULL,
    created_at      BIGINT NOT NULL
);

CREATE TABLE scene_members (
    scene_id        TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
    persona_id      TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    joined_at       BIGINT NOT NULL,
    timer_choice    BIGINT,
    PRIMARY KEY (scene_id, persona_id)
);
CREATE INDEX scene_members_by_persona ON scene_members (persona_id);

-- Which device sits at which leaf of the scene's MLS tree.
CREATE TABLE scene_devices (
    scene_id        TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
    device_id       TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    persona_id      TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    leaf            BIGINT NOT NULL,
    PRIMARY KEY (scene_id, device_id),
    UNIQUE (scene_id, leaf)
);
CREATE INDEX scene_devices_by_device ON scene_devices (device_id);

-- Leaves of members who left, whose removal the server proposed and the next commit must carry.
CREATE TABLE scene_removals (
    scene_id        TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
    leaf            BIGINT NOT NULL,
    proposal_ref    ${binary} NOT NULL,
    PRIMARY KEY (scene_id, leaf)
);

-- KeyPackages handed out to add an invited persona to a scene, until a commit uses them.
CREATE TABLE key_package_claims (
    scene_id        TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
    ref             ${binary} NOT NULL,
    device_id       TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    persona_id      TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    data            ${binary} NOT NULL,
    claimed_at      BIGINT NOT NULL,
    PRIMARY KEY (scene_id, ref)
);

-- The relayed messages, numbered per scene. A message is wiped (data emptied) once every device it
-- was queued for has acknowledged it, and deleted when the scene's timer runs out; the row's ids stay
-- a little longer so that a client's resend is recognised.
CREATE TABLE scene_messages (
    id              TEXT PRIMARY KEY,
    scene_id        TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
    seq             BIGINT NOT NULL,
    epoch           BIGINT NOT NULL,
    kind            TEXT NOT NULL,
    sender_device   TEXT REFERENCES devices (id) ON DELETE SET NULL,
    sender_persona  TEXT REFERENCES personas (id) ON DELETE SET NULL,
    client_id       TEXT,
    data            ${binary} NOT NULL,
    tag             ${binary},
    kid             INTEGER,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT,
    UNIQUE (scene_id, seq),
    UNIQUE (sender_device, client_id)
);
CREATE INDEX scene_messages_by_expiry ON scene_messages (expires_at);

-- The one accepted commit of each epoch: a second commit for the same epoch cannot be stored.
CREATE TABLE scene_epochs (
    scene_id        TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
    epoch           BIGINT NOT NULL,
    seq             BIGINT NOT NULL,
    PRIMARY KEY (scene_id, epoch)
);

CREATE TABLE scene_queue (
    device_id       TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    message_id      TEXT NOT NULL REFERENCES scene_messages (id) ON DELETE CASCADE,
    PRIMARY KEY (device_id, message_id)
);
CREATE INDEX scene_queue_by_message ON scene_queue (message_id);

CREATE TABLE invitations (
    id              TEXT PRIMARY KEY,
    scene_id        TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
    inviter_id      TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    invitee_id      TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    note            TEXT NOT NULL,
    status          TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    UNIQUE (scene_id, invitee_id)
);
CREATE INDEX invitations_by_invitee ON invitations (invitee_id);
CREATE INDEX invitations_by_expiry ON invitations (expires_at);

-- The server's own secrets: the franking key (by key id) and its MLS external-sender signing key.
CREATE TABLE server_keys (
    purpose         TEXT NOT NULL,
    kid             INTEGER NOT NULL,
    secret          ${binary} NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (purpose, kid)
);
