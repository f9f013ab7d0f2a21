-- A server on SQLite is the only writer of its database, so it numbers a channel's lines in memory,
-- from the channel's highest number stored, and stops writing channels.last_seq for every batch.
-- When lines go (retention, a deleted persona, a closed channel), the row keeps the highest number
-- among them, so that a line stored after a restart never takes a number that was already given out.
-- PostgreSQL's processes number under the channel row's lock, which keeps last_seq current anyway.
${channel_number_floor}
