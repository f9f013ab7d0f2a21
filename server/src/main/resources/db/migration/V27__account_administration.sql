-- A recovery code may end: an operator's password reset gives a code that works for a day
-- (0: never ends, the codes an account holds).
ALTER TABLE recovery_codes ADD COLUMN expires_at BIGINT NOT NULL DEFAULT 0;

-- Accounts an operator deleted from the command line: a running server deletes each with
-- everything it holds, as the person's own deletion does, and tells every process.
CREATE TABLE account_deletions (
    account_id      TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    requested_at    BIGINT NOT NULL
);
