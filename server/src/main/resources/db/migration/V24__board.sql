-- The partner board: each persona's one ad. `topics` are catalogue ids separated by spaces, in the
-- catalogue's order; `rating` is general, mature or adult. An ad past `expires_at` is gone from the
-- board at once, and deleted by the server's next sweep (or the persona's next post).
CREATE TABLE board_ads (
    persona_id          TEXT PRIMARY KEY REFERENCES personas (id) ON DELETE CASCADE,
    id                  TEXT NOT NULL UNIQUE,
    title               TEXT NOT NULL,
    body                TEXT NOT NULL,
    topics              TEXT NOT NULL,
    rating              TEXT NOT NULL,
    posted_at           BIGINT NOT NULL,
    bumped_at           BIGINT NOT NULL,
    expires_at          BIGINT NOT NULL
);

-- The board is read freshest bump first.
CREATE INDEX board_ads_bumped ON board_ads (bumped_at);
