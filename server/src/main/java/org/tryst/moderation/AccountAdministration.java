package org.tryst.moderation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.tryst.accounts.AccountDeletion;
import org.tryst.accounts.SecondFactors;
import org.tryst.accounts.Session;
import org.tryst.accounts.Sessions;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.Fields;
import org.tryst.protocol.Names;
import org.tryst.protocol.ProtocolException;
import org.tryst.storage.Ids;
import org.tryst.storage.Sql;

/**
 * What an operator does to accounts from the command line, each change written to the audit log
 * in its own transaction. An operator never chooses a person's password: a new account and a reset
 * both give a one-time code, with which the person sets their own. Nothing here shows what a
 * person keeps private (their limits, their scenes, their lines).
 */
public final class AccountAdministration {
    /** How long a code an operator hands out works. */
    public static final Duration RESET_CODE_LIFETIME = Duration.ofHours(24);
    /** The password hash of an account whose person has not set a password yet: no password matches it. */
    static final String NO_PASSWORD = "!";

    private final Sql sql;
    private final Clock clock;

    public AccountAdministration(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** One account in the list. */
    public record Listed(String username, String role, long createdAt, int personas, int sessions, Long lastSeenAt) {}

    /** One account in detail: what an operator needs to help its person, and no more. */
    public record Shown(String id, String username, String role, long createdAt, String adultAttestation, long adultAttestedAt,
                       List<String> personas, int sessions, Long lastSeenAt, boolean totp, int recoveryCodes, boolean deletionAsked) {}

    /** A code to give the person, and until when it works. */
    public record Code(String code, long expiresAt) {}

    /** The accounts whose username contains {@code search} (null: all), newest first, at most {@code limit}. */
    public List<Listed> list(String search, int limit) {
        String like = "%" + (search == null ? "" : search.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "")) + "%";
        return sql.withHandle(handle -> handle.createQuery("""
                        SELECT a.username, a.role, a.created_at,
                               (SELECT COUNT(*) FROM personas p WHERE p.account_id = a.id) AS personas,
                               (SELECT COUNT(*) FROM sessions s WHERE s.account_id = a.id) AS sessions,
                               (SELECT MAX(s.last_seen_at) FROM sessions s WHERE s.account_id = a.id) AS last_seen
                        FROM accounts a WHERE a.username LIKE :like ORDER BY a.created_at DESC, a.username LIMIT :limit""")
                .bind("like", like).bind("limit", limit)
                .map((rs, ctx) -> new Listed(rs.getString("username"), rs.getString("role"), rs.getLong("created_at"), rs.getInt("personas"),
                        rs.getInt("sessions"), lastSeen(rs))).list());
    }

    public Optional<Shown> show(String username) {
        return sql.withHandle(handle -> find(handle, username).map(id -> handle.createQuery("""
                        SELECT a.*, (SELECT COUNT(*) FROM sessions s WHERE s.account_id = a.id) AS sessions,
                               (SELECT MAX(s.last_seen_at) FROM sessions s WHERE s.account_id = a.id) AS last_seen,
                               (SELECT COUNT(*) FROM account_totp t WHERE t.account_id = a.id AND t.secret <> '') AS totp,
                               (SELECT COUNT(*) FROM recovery_codes r WHERE r.account_id = a.id AND r.expires_at = 0) AS codes,
                               (SELECT COUNT(*) FROM account_deletions d WHERE d.account_id = a.id) AS deleting
                        FROM accounts a WHERE a.id = :id""").bind("id", id)
                .map((rs, ctx) -> new Shown(rs.getString("id"), rs.getString("username"), rs.getString("role"), rs.getLong("created_at"),
                        rs.getString("adult_attestation"), rs.getLong("adult_attested_at"),
                        handle.createQuery("SELECT name FROM personas WHERE account_id = :id ORDER BY created_at").bind("id", id)
                                .mapTo(String.class).list(),
                        rs.getInt("sessions"), lastSeen(rs), rs.getInt("totp") > 0, rs.getInt("codes"),
                        rs.getInt("deleting") > 0)).one()));
    }

    /**
     * Creates an account without a password, attested adult by the operator, and the code with
     * which its person sets a password ({@code POST /api/recover}) within {@link #RESET_CODE_LIFETIME}.
     */
    public Code create(String actor, String username) {
        String name = Fields.username(username.strip().toLowerCase(Locale.ROOT));
        long now = clock.millis();
        try {
            return sql.inTransaction(handle -> {
                String id = Ids.random();
                handle.createUpdate("""
                                INSERT INTO accounts (id, username, username_skeleton, password_hash, role, adult_attested_at, adult_attestation, created_at)
                                VALUES (:id, :username, :skeleton, :hash, 'member', :now, :attestation, :now)""")
                        .bind("id", id).bind("username", name).bind("skeleton", Names.skeleton(name)).bind("hash", NO_PASSWORD)
                        .bind("now", now).bind("attestation", "operator: " + actor).execute();
                AuditLog.append(handle, now, actor, "create account", "account " + name, "");
                return code(handle, id, now);
            });
        } catch (UnableToExecuteStatementException taken) {
            throw new ProtocolException(ErrorCode.USERNAME_TAKEN, "that username, or one that looks like it, is taken");
        }
    }

    /**
     * Ends every session of the account and gives a code with which its person sets a new password;
     * the old password stays until then, and a second factor is still asked for at log-in.
     */
    public Code resetPassword(String actor, String username, String reason) {
        long now = clock.millis();
        return sql.inTransaction(handle -> {
            String id = required(handle, username);
            Sessions.endAll(handle, id);
            AuditLog.append(handle, now, actor, "reset password", "account " + normalized(username), reason);
            return code(handle, id, now);
        });
    }

    /** Asks the running servers to delete the account with everything it holds; its sessions end at once. */
    public void delete(String actor, String username, String reason) {
        long now = clock.millis();
        sql.useTransaction(handle -> {
            String id = required(handle, username);
            AccountDeletion.request(handle, id, now);
            AuditLog.append(handle, now, actor, "delete account", "account " + normalized(username), reason);
        });
    }

    /** The account's sessions, newest first. */
    public List<Session> sessions(String username) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM sessions WHERE account_id = :id ORDER BY created_at DESC")
                .bind("id", required(handle, username))
                .map((rs, ctx) -> new Session(rs.getString("id"), rs.getString("account_id"), rs.getLong("created_at"),
                        rs.getLong("last_seen_at"), rs.getLong("expires_at"), rs.getString("user_agent"))).list());
    }

    /** Ends every session of the account (its sockets close at the servers' next sweep); how many there were. */
    public int endSessions(String actor, String username, String reason) {
        long now = clock.millis();
        return sql.inTransaction(handle -> {
            String id = required(handle, username);
            int ended = handle.createUpdate("DELETE FROM sessions WHERE account_id = :id").bind("id", id).execute();
            AuditLog.append(handle, now, actor, "end sessions", "account " + normalized(username), reason);
            return ended;
        });
    }

    /** When a session of the account was last seen; null when it has none. */
    private static Long lastSeen(java.sql.ResultSet rs) throws java.sql.SQLException {
        long at = rs.getLong("last_seen");
        return rs.wasNull() ? null : at;
    }

    private static Code code(Handle handle, String accountId, long now) {
        long expiresAt = now + RESET_CODE_LIFETIME.toMillis();
        return new Code(SecondFactors.resetCode(handle, accountId, now, expiresAt), expiresAt);
    }

    private static Optional<String> find(Handle handle, String username) {
        return handle.createQuery("SELECT id FROM accounts WHERE username = :username").bind("username", normalized(username))
                .mapTo(String.class).findOne();
    }

    private static String required(Handle handle, String username) {
        return find(handle, username).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no account named " + normalized(username)));
    }

    private static String normalized(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
