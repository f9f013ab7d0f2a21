-- Each persona's chosen status (online, looking, away, busy or dnd), its status line, and when it
-- chose the status (epoch milliseconds; 0: never), for the looking list's order.
ALTER TABLE personas ADD COLUMN status TEXT NOT NULL DEFAULT 'online';
ALTER TABLE personas ADD COLUMN status_line TEXT NOT NULL DEFAULT '';
ALTER TABLE personas ADD COLUMN status_at BIGINT NOT NULL DEFAULT 0;

-- The accounts that turned sharing typing off: they send none and are sent none.
CREATE TABLE typing_unshared (
    account_id  TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE
);
