-- Age verifications under way: a person sent to the age provider, until the provider sends them
-- back or `expires_at`. Kept by the SHA-256 of the `state` sent to the provider and of the secret
-- in the browser's cookie, so that a copy of the database cannot complete one; the PKCE verifier
-- and the nonce are one-time values the provider's answer must match. A verification itself is
-- kept only as the account's `adult_attestation` and `adult_attested_at`: never a token, a
-- birthdate or the provider's identifier of the person.
CREATE TABLE age_checks (
    state_hash      TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    browser_hash    TEXT NOT NULL,
    nonce           TEXT NOT NULL,
    verifier        TEXT NOT NULL,
    expires_at      BIGINT NOT NULL
);
CREATE INDEX age_checks_by_account ON age_checks (account_id);
