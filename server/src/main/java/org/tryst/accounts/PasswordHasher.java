package org.tryst.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the standard PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), computed by Bouncy Castle.
 */
public final class PasswordHasher {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Settings settings;
    private final SecureRandom random = new SecureRandom();
    // Each hash holds its memory cost (19 MiB by default) while it runs: bounding how many run at
    // once bounds the memory a flood of logins can take, and queues the rest instead.
    private final Semaphore running = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private final String dummy;

    public PasswordHasher(Argon2Settings settings) {
        this.settings = settings;
        this.dummy = hash("a password nobody has: it only makes unknown accounts cost the same");
    }

    /** A new hash of the password, with a fresh random salt and the configured settings. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = compute(password, salt, settings);
        return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(settings.memoryKib(), settings.iterations(),
                settings.parallelism(), ENCODER.encodeToString(salt), ENCODER.encodeToString(hash));
    }

    /** True when the password matches the stored hash; false for a wrong password or a malformed hash. */
    public boolean verify(String password, String encoded) {
        Matcher phc = encoded == null ? null : PHC.matcher(encoded);
        if (phc == null || !phc.matches()) return false;
        try {
            Argon2Settings stored = new Argon2Settings(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                    Integer.parseInt(phc.group(3)));
            if (stored.memoryKib() < 8 * stored.parallelism() || stored.iterations() < 1 || stored.parallelism() < 1) {
                return false;
            }
            byte[] expected = DECODER.decode(phc.group(5));
            byte[] actual = compute(password, DECODER.decode(phc.group(4)), stored, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when the stored hash is weaker than the configured settings, or not Argon2id at all. */
    public boolean needsRehash(String encoded) {
        Matcher phc = encoded == null ? null : PHC.matcher(encoded);
        if (phc == null || !phc.matches()) return true;
        Argon2Settings stored = new Argon2Settings(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                Integer.parseInt(phc.group(3)));
        return !stored.atLeast(settings);
    }

    /** Spends the time of a verification, for logins to accounts that do not exist. */
    public void burn(String password) {
        verify(password, dummy);
    }

    private byte[] compute(String password, byte[] salt, Argon2Settings with) {
        return compute(password, salt, with, HASH_BYTES);
    }

    private byte[] compute(String password, byte[] salt, Argon2Settings with, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(with.memoryKib())
                .withIterations(with.iterations())
                .withParallelism(with.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        running.acquireUninterruptibly();
        try {
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            running.release();
        }
        return out;
    }
}
