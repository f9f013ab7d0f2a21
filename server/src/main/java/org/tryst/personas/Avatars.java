package org.tryst.personas;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tryst.storage.Sql;

/**
 * Personas' pictures: set from an upload, which is re-encoded from its pixels alone, stored once
 * per content hash, and served by that hash; removed by their owner or by a moderator.
 */
public final class Avatars {
    /** A stored avatar: its media type and its bytes. */
    public record Image(String type, byte[] bytes) {}

    private final Sql sql;
    private final Personas personas;
    private final Clock clock;

    public Avatars(Sql sql, Personas personas, Clock clock) {
        this.sql = sql;
        this.personas = personas;
        this.clock = clock;
    }

    /** Gives the persona the picture, re-encoded; answers the persona as it is now. */
    public Persona set(Persona persona, byte[] upload) {
        AvatarImages.Encoded avatar = AvatarImages.reencode(upload);
        String hash = hash(avatar.bytes());
        sql.useTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO avatars (hash, type, image, created_at) VALUES (:hash, :type, :image, :now)
                            ON CONFLICT (hash) DO NOTHING""")
                    .bind("hash", hash).bind("type", avatar.type()).bind("image", avatar.bytes()).bind("now", clock.millis()).execute();
            point(handle, persona.id(), hash);
        });
        return personas.changed(persona.id());
    }

    /** Takes the persona's picture away; answers the persona as it is now. */
    public Persona clear(Persona persona) {
        sql.useTransaction(handle -> clear(handle, persona.id()));
        return personas.changed(persona.id());
    }

    /** Takes a persona's picture away, in a transaction of the caller's (a moderator's decision and its audit entry). */
    public static void clear(Handle handle, String personaId) {
        point(handle, personaId, null);
    }

    /** The avatar with this hash, if some persona has it. */
    public Optional<Image> image(String hash) {
        return sql.withHandle(handle -> handle.createQuery("SELECT type, image FROM avatars WHERE hash = :hash")
                .bind("hash", hash).map((rs, ctx) -> new Image(rs.getString("type"), rs.getBytes("image"))).findOne());
    }

    /** Points the persona at an avatar (or none) and deletes the one it had, unless another persona has it too. */
    private static void point(Handle handle, String personaId, String hash) {
        String old = handle.createQuery("SELECT avatar FROM personas WHERE id = :id").bind("id", personaId)
                .mapTo(String.class).findOne().orElse(null);
        handle.createUpdate("UPDATE personas SET avatar = :hash WHERE id = :id").bind("hash", hash).bind("id", personaId).execute();
        if (old != null && !old.equals(hash)) forgetUnused(handle, old);
    }

    /** Deletes an avatar no persona has any more. */
    static void forgetUnused(Handle handle, String hash) {
        handle.createUpdate("DELETE FROM avatars WHERE hash = :hash AND NOT EXISTS (SELECT 1 FROM personas WHERE avatar = :hash)")
                .bind("hash", hash).execute();
    }

    /** The avatar's name: its SHA-256, in URL-safe base64, so that a client may keep it for good. */
    private static String hash(byte[] image) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(image));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
