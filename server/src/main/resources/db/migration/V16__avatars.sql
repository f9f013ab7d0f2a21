-- Personas' pictures, re-encoded by the server from their pixels alone (no EXIF, no location, no
-- comment survives), kept once per content hash, which is also how clients ask for them.
CREATE TABLE avatars (
    hash            TEXT PRIMARY KEY,
    type            TEXT NOT NULL,
    image           ${binary} NOT NULL,
    created_at      BIGINT NOT NULL
);
ALTER TABLE personas ADD COLUMN avatar TEXT REFERENCES avatars (hash);
