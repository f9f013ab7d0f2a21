-- Each account's TOTP secret (RFC 6238, base32; empty: the second factor is off), the secret being
-- set up until a first code of it confirms it (empty: none), when the secret in use was confirmed,
-- and the time step of the newest code used, so that no code works twice.
CREATE TABLE account_totp (
    account_id      TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    secret          TEXT NOT NULL DEFAULT '',
    pending_secret  TEXT NOT NULL DEFAULT '',
    confirmed_at    BIGINT NOT NULL DEFAULT 0,
    last_step       BIGINT NOT NULL DEFAULT 0
);

-- Single-use recovery codes, each as the SHA-256 of the code (they are random, so a fast hash is
-- enough); a row is deleted when its code is used.
CREATE TABLE recovery_codes (
    account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash       TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (account_id, code_hash)
);

-- A log-in whose password was right, waiting for its second factor, by the SHA-256 of its token;
-- it ends at `expires_at` or after a few wrong codes.
CREATE TABLE login_challenges (
    token_hash      TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_agent      TEXT NOT NULL,
    expires_at      BIGINT NOT NULL,
    failures        INTEGER NOT NULL DEFAULT 0
);
