-- After a safeword, the other members of the scene may not invite the persona who used it until
-- the cooling-off it chose has passed. Enforced on every invitation, whatever the client.
CREATE TABLE cooling_off (
    protected_id    TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    blocked_id      TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    until           BIGINT NOT NULL,
    PRIMARY KEY (protected_id, blocked_id)
);
