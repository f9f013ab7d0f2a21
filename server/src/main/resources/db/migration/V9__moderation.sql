-- Reports and moderation. Reports keep what the reporter chose to disclose (for a scene message, the
-- plaintext it reported) as evidence for moderators; sanctions are what moderators decided; the audit
-- log records every moderator action and can only be appended to.

ALTER TABLE channels ADD COLUMN closed_at BIGINT;

CREATE TABLE reports (
    id                  TEXT PRIMARY KEY,
    kind                TEXT NOT NULL,
    reporter_account    TEXT NOT NULL,
    reporter_persona    TEXT NOT NULL,
    reporter_name       TEXT NOT NULL,
    reported_account    TEXT,
    reported_persona    TEXT,
    reported_name       TEXT,
    channel             TEXT,
    scene_id            TEXT,
    message_id          TEXT,
    body                TEXT NOT NULL,
    reason              TEXT NOT NULL,
    note                TEXT NOT NULL,
    verification        TEXT NOT NULL,
    why                 TEXT NOT NULL,
    status              TEXT NOT NULL,
    created_at          BIGINT NOT NULL,
    resolved_at         BIGINT
);
CREATE INDEX reports_by_status ON reports (status, created_at);
CREATE INDEX reports_by_reporter ON reports (reporter_account, created_at);

-- A warning, mute, suspension or ban of an account, or a ban of one persona; lifted_at ends it early.
CREATE TABLE sanctions (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    persona_id      TEXT REFERENCES personas (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    reason          TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    until           BIGINT,
    lifted_at       BIGINT,
    delivered_at    BIGINT
);
CREATE INDEX sanctions_by_account ON sanctions (account_id, kind);
CREATE INDEX sanctions_active ON sanctions (lifted_at, kind);

-- Append-only: each entry's hash covers the previous entry's hash, and the database refuses to
-- change or delete an entry (the triggers below differ between SQLite and PostgreSQL).
CREATE TABLE audit_log (
    seq             BIGINT PRIMARY KEY,
    at              BIGINT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    target          TEXT NOT NULL,
    reason          TEXT NOT NULL,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL
);

${audit_append_only}
