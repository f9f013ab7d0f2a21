-- Blocks and mutes, kept by the account that is protected (all its personas). A block names a
-- persona (scope 'persona') or, through a persona, the whole account behind it (scope 'account');
-- the target account is kept so that an account block covers that account's future personas and
-- survives the deletion of the persona it was named by, whose id and name stay for the list.
-- A mute always names one persona. Neither is ever shown to the one it names.
CREATE TABLE blocks (
    blocker_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    target_persona  TEXT NOT NULL,
    target_name     TEXT NOT NULL,
    target_account  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    scope           TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (blocker_id, kind, target_persona)
);
CREATE INDEX blocks_by_target_account ON blocks (target_account);
