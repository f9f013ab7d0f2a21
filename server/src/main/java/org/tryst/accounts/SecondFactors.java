package org.tryst.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.storage.Sql;

/**
 * An account's second factor and its way back in: a TOTP secret, set up and then confirmed by a
 * first code, whose codes each work once; and ten single-use recovery codes, kept only as hashes,
 * any of which stands in for the password or for the second factor.
 */
public final class SecondFactors {
    /** How many recovery codes an account gets at a time. */
    public static final int RECOVERY_CODES = 10;
    /** Crockford's base32: no I, L, O or U to misread. */
    private static final String RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final String ISSUER = "Tryst";

    private final Sql sql;
    private final Totp totp = new Totp();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public SecondFactors(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** A TOTP secret being set up: the secret to type into an app, and the address its QR code holds. */
    public record Setup(String secret, String address) {}

    /** Whether the account's TOTP is on (set up and confirmed). */
    public boolean totpOn(String accountId) {
        return sql.withHandle(handle -> confirmedSecret(handle, accountId)).isPresent();
    }

    /** How many unused recovery codes the account has. */
    public int recoveryCodesLeft(String accountId) {
        return sql.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM recovery_codes WHERE account_id = :account")
                .bind("account", accountId).mapTo(Integer.class).one());
    }

    /** Starts setting up TOTP with a new secret; it replaces the one in use, if any, only once a code of it confirms it. */
    Setup begin(String accountId, String username) {
        String secret = totp.newSecret();
        sql.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO account_totp (account_id, pending_secret) VALUES (:account, :secret)
                        ON CONFLICT (account_id) DO UPDATE SET pending_secret = :secret""")
                .bind("account", accountId).bind("secret", secret).execute());
        return new Setup(secret, totp.address(ISSUER, username, secret));
    }

    /** Confirms the secret being set up with a code of it: TOTP is on from now, with that secret; false for a wrong code. */
    boolean confirm(String accountId, String code) {
        String secret = sql.withHandle(handle -> handle.createQuery("SELECT pending_secret FROM account_totp WHERE account_id = :account")
                .bind("account", accountId).mapTo(String.class).findOne()).filter(pending -> !pending.isEmpty())
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "set up an authenticator first (totp.begin)"));
        OptionalLong step = totp.stepOf(secret, code, clock.millis());
        if (step.isEmpty()) return false;
        return sql.withHandle(handle -> handle.createUpdate("""
                        UPDATE account_totp SET secret = pending_secret, pending_secret = '', confirmed_at = :now, last_step = :step
                        WHERE account_id = :account AND pending_secret = :secret""")
                .bind("now", clock.millis()).bind("step", step.getAsLong()).bind("account", accountId).bind("secret", secret).execute()) == 1;
    }

    /** Turns TOTP off. */
    void turnOff(String accountId) {
        sql.useHandle(handle -> handle.createUpdate("DELETE FROM account_totp WHERE account_id = :account").bind("account", accountId).execute());
    }

    /**
     * Whether the code is a current TOTP code of the account not used before (its step is then used
     * up), or one of its unused recovery codes (then deleted): each works once, also when two
     * processes check it at the same moment.
     */
    boolean use(String accountId, String code) {
        if (code == null) return false;
        String given = code.strip();
        if (given.length() == Totp.DIGITS) {
            Optional<String> secret = sql.withHandle(handle -> confirmedSecret(handle, accountId));
            OptionalLong step = secret.map(s -> totp.stepOf(s, given, clock.millis())).orElse(OptionalLong.empty());
            return step.isPresent() && sql.withHandle(handle -> handle.createUpdate("""
                            UPDATE account_totp SET last_step = :step WHERE account_id = :account AND secret <> '' AND last_step < :step""")
                    .bind("step", step.getAsLong()).bind("account", accountId).execute()) == 1;
        }
        return useRecoveryCode(accountId, given);
    }

    /** Whether the text is one of the account's unused recovery codes, which is then used up. */
    boolean useRecoveryCode(String accountId, String code) {
        String normalized = normalizedRecoveryCode(code);
        if (normalized == null) return false;
        return sql.withHandle(handle -> handle.createUpdate("DELETE FROM recovery_codes WHERE account_id = :account AND code_hash = :hash")
                .bind("account", accountId).bind("hash", Sessions.hash(normalized)).execute()) == 1;
    }

    /** Ten new recovery codes for the account, replacing any it had; shown once, kept only as hashes. */
    List<String> newRecoveryCodes(Handle handle, String accountId) {
        handle.createUpdate("DELETE FROM recovery_codes WHERE account_id = :account").bind("account", accountId).execute();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = recoveryCode();
            handle.createUpdate("INSERT INTO recovery_codes (account_id, code_hash, created_at) VALUES (:account, :hash, :now)")
                    .bind("account", accountId).bind("hash", Sessions.hash(normalizedRecoveryCode(code))).bind("now", clock.millis()).execute();
            codes.add(code);
        }
        return codes;
    }

    List<String> newRecoveryCodes(String accountId) {
        return sql.inTransaction(handle -> newRecoveryCodes(handle, accountId));
    }

    /** Sixteen random characters (80 bits) in four groups: {@code k7qm-2x9d-h4tr-0wbe}. */
    private String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) code.append('-');
            code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A recovery code as typed, without its dashes and spaces, in lower case; null when it cannot be one. */
    private static String normalizedRecoveryCode(String code) {
        if (code == null || code.length() > 64) return null;
        String plain = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        return plain.length() == 16 ? plain : null;
    }

    private static Optional<String> confirmedSecret(Handle handle, String accountId) {
        return handle.createQuery("SELECT secret FROM account_totp WHERE account_id = :account AND secret <> ''")
                .bind("account", accountId).mapTo(String.class).findOne();
    }
}
