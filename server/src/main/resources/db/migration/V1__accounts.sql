-- Accounts, sessions and socket tickets. Times are epoch milliseconds; ids are opaque text.
CREATE TABLE accounts (
    id                  TEXT PRIMARY KEY,
    username            TEXT NOT NULL UNIQUE,
    password_hash       TEXT NOT NULL,
    role                TEXT NOT NULL DEFAULT 'member',
    adult_attested_at   BIGINT NOT NULL,
    adult_attestation   TEXT NOT NULL,
    created_at          BIGINT NOT NULL
);

-- Only a hash of each session token is kept, so a copy of the database cannot log anyone in.
CREATE TABLE sessions (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash      TEXT NOT NULL UNIQUE,
    created_at      BIGINT NOT NULL,
    last_seen_at    BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    user_agent      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE socket_tickets (
    ticket_hash     TEXT PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    expires_at      BIGINT NOT NULL
);
