package org.tryst.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.tryst.storage.Ids;
import org.tryst.storage.Sql;

/**
 * Log-ins whose password was right and which wait for their second factor, in the database so that
 * the code may reach any process: each by a random token given to the client once, for a few
 * minutes, and only until it has taken {@link #MAX_FAILURES} wrong codes.
 */
final class Challenges {
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_FAILURES = 5;

    private final Sql sql;
    private final Clock clock;

    Challenges(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** A waiting log-in: whose, from which client. */
    record Challenge(String accountId, String userAgent) {}

    /** A new waiting log-in; its token, and when it ends. */
    record Opened(String token, long expiresAt) {}

    Opened open(String accountId, String userAgent) {
        String token = Ids.secret();
        long expiresAt = clock.millis() + LIFETIME.toMillis();
        sql.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO login_challenges (token_hash, account_id, user_agent, expires_at) VALUES (:hash, :account, :agent, :expires)""")
                .bind("hash", Sessions.hash(token)).bind("account", accountId).bind("agent", userAgent == null ? "" : userAgent)
                .bind("expires", expiresAt).execute());
        return new Opened(token, expiresAt);
    }

    /** The waiting log-in of a token, unless it ended. */
    Optional<Challenge> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) return Optional.empty();
        return sql.withHandle(handle -> handle.createQuery("""
                        SELECT account_id, user_agent FROM login_challenges WHERE token_hash = :hash AND expires_at > :now""")
                .bind("hash", Sessions.hash(token)).bind("now", clock.millis())
                .map((rs, ctx) -> new Challenge(rs.getString("account_id"), rs.getString("user_agent"))).findOne());
    }

    /** A wrong code: counted, and the log-in ends at the last one allowed. */
    void failed(String token) {
        sql.useHandle(handle -> {
            handle.createUpdate("UPDATE login_challenges SET failures = failures + 1 WHERE token_hash = :hash")
                    .bind("hash", Sessions.hash(token)).execute();
            handle.createUpdate("DELETE FROM login_challenges WHERE token_hash = :hash AND failures >= :max")
                    .bind("hash", Sessions.hash(token)).bind("max", MAX_FAILURES).execute();
        });
    }

    /** Ends the waiting log-in; false when it had ended already (another request used it first). */
    boolean close(String token) {
        return sql.withHandle(handle -> handle.createUpdate("DELETE FROM login_challenges WHERE token_hash = :hash")
                .bind("hash", Sessions.hash(token)).execute()) == 1;
    }

    /** Forgets the log-ins that ended. */
    void sweep() {
        sql.useHandle(handle -> handle.createUpdate("DELETE FROM login_challenges WHERE expires_at <= :now").bind("now", clock.millis()).execute());
    }
}
