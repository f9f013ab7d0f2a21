-- Each account's own limits on its use of Tryst (no row: none): a daily budget in minutes, quiet
-- hours as times of day, the time zone both are counted in, and break reminders.
CREATE TABLE wellbeing_limits (
    account_id          TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    daily_minutes       INTEGER,
    quiet_from          TEXT,
    quiet_until         TEXT,
    time_zone           TEXT NOT NULL,
    break_minutes       INTEGER
);

-- A loosening the account asked for, which takes effect only at take_effect_at (24 hours later).
CREATE TABLE wellbeing_pending (
    account_id          TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    daily_minutes       INTEGER,
    quiet_from          TEXT,
    quiet_until         TEXT,
    time_zone           TEXT NOT NULL,
    break_minutes       INTEGER,
    take_effect_at      BIGINT NOT NULL
);

-- Self-exclusions: no log-in on any transport until `until`. Nothing in the server shortens one.
CREATE TABLE wellbeing_exclusions (
    account_id          TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    since               BIGINT NOT NULL,
    until               BIGINT NOT NULL
);

-- Minutes of use per day in the account's time zone; last_minute (minutes since 1970) makes every
-- minute count once, however many devices and server processes saw it.
CREATE TABLE wellbeing_usage (
    account_id          TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    day                 TEXT NOT NULL,
    minutes             INTEGER NOT NULL,
    last_minute         BIGINT NOT NULL,
    PRIMARY KEY (account_id, day)
);
