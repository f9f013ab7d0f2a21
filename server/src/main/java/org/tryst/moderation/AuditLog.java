package org.tryst.moderation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.tryst.protocol.Views;
import org.tryst.storage.Sql;

/**
 * The append-only record of every moderator action. The database refuses to change or delete an
 * entry (triggers, in both dialects), and each entry's hash covers the one before, so that an entry
 * altered or removed by someone who got round the triggers breaks the chain where it happened.
 */
public final class AuditLog {
    static final String GENESIS = "0".repeat(64);
    private static final RowMapper<Entry> ROW = (rs, ctx) -> new Entry(rs.getLong("seq"), rs.getLong("at"), rs.getString("actor"),
            rs.getString("action"), rs.getString("target"), rs.getString("reason"), rs.getString("prev_hash"), rs.getString("hash"));

    private final Sql sql;

    public AuditLog(Sql sql) {
        this.sql = sql;
    }

    /** One stored entry with its chain links. */
    public record Entry(long seq, long at, String actor, String action, String target, String reason, String prevHash, String hash) {
        public Views.AuditEntry view() {
            return new Views.AuditEntry(seq, at, actor, action, target, reason);
        }
    }

    /** Whether the chain verifies, and the first entry where it does not. */
    public record Check(boolean intact, long entries, Long brokenAt, String problem) {}

    /** Appends an entry in the caller's transaction, after the last one. */
    static void append(Handle handle, long at, String actor, String action, String target, String reason) {
        Optional<Entry> last = handle.createQuery("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1").map(ROW).findOne();
        long seq = last.map(entry -> entry.seq() + 1).orElse(1L);
        String previous = last.map(Entry::hash).orElse(GENESIS);
        handle.createUpdate("""
                        INSERT INTO audit_log (seq, at, actor, action, target, reason, prev_hash, hash)
                        VALUES (:seq, :at, :actor, :action, :target, :reason, :prev, :hash)""")
                .bind("seq", seq).bind("at", at).bind("actor", actor).bind("action", action).bind("target", target)
                .bind("reason", reason).bind("prev", previous).bind("hash", hash(previous, seq, at, actor, action, target, reason))
                .execute();
    }

    /** The newest entries, newest first. */
    public List<Entry> newest(int limit) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM audit_log ORDER BY seq DESC LIMIT :limit")
                .bind("limit", limit).map(ROW).list());
    }

    /** Every entry, oldest first. */
    public List<Entry> all() {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM audit_log ORDER BY seq").map(ROW).list());
    }

    /** Walks the whole chain: numbering without gaps, each entry linked to the one before and hashed as stored. */
    public Check verify() {
        List<Entry> entries = all();
        String previous = GENESIS;
        long expected = 1;
        for (Entry entry : entries) {
            if (entry.seq() != expected) return new Check(false, entries.size(), expected, "entry " + expected + " is missing");
            if (!entry.prevHash().equals(previous)) return new Check(false, entries.size(), entry.seq(), "the link to the entry before does not match");
            String recomputed = hash(entry.prevHash(), entry.seq(), entry.at(), entry.actor(), entry.action(), entry.target(), entry.reason());
            if (!recomputed.equals(entry.hash())) return new Check(false, entries.size(), entry.seq(), "the entry was changed after it was written");
            previous = entry.hash();
            expected++;
        }
        return new Check(true, entries.size(), null, null);
    }

    /** SHA-256 over the previous hash and the entry's fields, each length-prefixed so that no two entries collide. */
    static String hash(String previous, long seq, long at, String actor, String action, String target, String reason) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {previous, actor, action, target, reason}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            }
            digest.update(ByteBuffer.allocate(16).putLong(seq).putLong(at).array());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
