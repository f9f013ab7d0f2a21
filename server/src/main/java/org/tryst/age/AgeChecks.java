package org.tryst.age;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.tryst.storage.Ids;
import org.tryst.storage.Sql;

/**
 * Age checks under way, in the database so that the provider may send the person back to any
 * server process: one per account at a time, each found once by its state and only from the
 * browser that started it, for {@link #LIFETIME}.
 */
final class AgeChecks {
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final Sql sql;
    private final Clock clock;

    AgeChecks(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** A new check, and the secret its browser must bring back. */
    record Opened(AgeProvider.Check check, String browser) {}

    /** A check taken back: whose it is. */
    record Taken(String accountId, AgeProvider.Check check) {}

    /** Opens a check for the account, replacing any it had; forgets every expired one. */
    Opened open(String accountId) {
        AgeProvider.Check check = new AgeProvider.Check(Ids.secret(), Ids.secret(), Ids.secret());
        String browser = Ids.secret();
        long now = clock.millis();
        sql.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM age_checks WHERE account_id = :account OR expires_at <= :now")
                    .bind("account", accountId).bind("now", now).execute();
            handle.createUpdate("""
                            INSERT INTO age_checks (state_hash, account_id, browser_hash, nonce, verifier, expires_at)
                            VALUES (:state, :account, :browser, :nonce, :verifier, :expires)""")
                    .bind("state", hash(check.state())).bind("account", accountId).bind("browser", hash(browser))
                    .bind("nonce", check.nonce()).bind("verifier", check.verifier())
                    .bind("expires", now + LIFETIME.toMillis()).execute();
        });
        return new Opened(check, browser);
    }

    /**
     * Takes the check of a state back, once: empty when none is open, it expired, or the browser's
     * secret is not its own (it is used up all the same, so that nobody else can try it).
     */
    Optional<Taken> take(String state, String browser) {
        if (state == null || state.isEmpty() || state.length() > 128) return Optional.empty();
        String stateHash = hash(state);
        return sql.inTransaction(handle -> {
            Optional<Row> row = handle.createQuery("SELECT * FROM age_checks WHERE state_hash = :state").bind("state", stateHash)
                    .map((rs, ctx) -> new Row(rs.getString("account_id"), rs.getString("browser_hash"), rs.getString("nonce"),
                            rs.getString("verifier"), rs.getLong("expires_at"))).findOne();
            // Deleting first makes the check single-use even when two processes read it at once: one deletes it.
            int deleted = handle.createUpdate("DELETE FROM age_checks WHERE state_hash = :state").bind("state", stateHash).execute();
            if (deleted != 1 || row.isEmpty()) return Optional.<Taken>empty();
            Row found = row.get();
            if (found.expiresAt() <= clock.millis() || browser == null || !MessageDigest.isEqual(
                    found.browserHash().getBytes(StandardCharsets.US_ASCII), hash(browser).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.<Taken>empty();
            }
            return Optional.of(new Taken(found.accountId(), new AgeProvider.Check(state, found.nonce(), found.verifier())));
        });
    }

    private record Row(String accountId, String browserHash, String nonce, String verifier, long expiresAt) {}

    private static String hash(String secret) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
