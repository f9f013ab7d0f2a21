package org.tryst.storage;

import java.security.SecureRandom;
import java.util.Base64;

/** Random identifiers for things and secrets for tokens; see {@link TimeOrderedIds} for messages. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Ids() {}

    /** A random 128-bit id, URL-safe. */
    public static String random() {
        return BASE64URL.encodeToString(bytes(16));
    }

    /** A random secret of 256 bits, URL-safe, for tokens and tickets. */
    public static String secret() {
        return BASE64URL.encodeToString(bytes(32));
    }

    static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
