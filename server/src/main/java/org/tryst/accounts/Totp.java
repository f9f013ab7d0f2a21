package org.tryst.accounts;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.OptionalLong;

/**
 * Time-based one-time codes (RFC 6238) as authenticator apps make them: SHA-1, six digits, 30-second
 * steps, and one step of clock drift either way. Which step a code belongs to is returned, so that
 * the caller can refuse a code whose step was used already.
 */
final class Totp {
    static final int DIGITS = 6;
    static final int PERIOD_SECONDS = 30;

    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final SecretGenerator secrets = new DefaultSecretGenerator(32);

    /** A new random secret, in base32 (160 bits). */
    String newSecret() {
        return secrets.generate();
    }

    /** The {@code otpauth://} address an authenticator app reads from a QR code. */
    String address(String issuer, String username, String secret) {
        return new QrData.Builder().label(username).secret(secret).issuer(issuer).algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS).period(PERIOD_SECONDS).build().getUri();
    }

    /** The time step the code is right for at {@code nowMillis}, give or take one; empty when it is wrong. */
    OptionalLong stepOf(String secret, String code, long nowMillis) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) return OptionalLong.empty();
        long now = Math.floorDiv(nowMillis / 1000, PERIOD_SECONDS);
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(generate(secret, step).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code of one time step. */
    String generate(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("a stored TOTP secret could not make a code", e);
        }
    }
}
