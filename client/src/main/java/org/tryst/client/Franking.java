package org.tryst.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sender's half of message franking: a fresh key {@code kf} per message, and the commitment
 * HMAC-SHA256(kf, "tryst-frank-v1" || group id || epoch || body) carried in MLS authenticated data,
 * while {@code kf} travels encrypted beside the body. Recipients recompute it and drop a message
 * whose commitment does not match, so that every delivered message can be reported.
 */
final class Franking {
    static final byte VERSION = 1;
    static final int KEY_BYTES = 32;
    private static final byte[] LABEL = "tryst-frank-v1".getBytes(StandardCharsets.US_ASCII);

    private Franking() {}

    /** The authenticated data for a body: the version byte and the commitment. */
    static byte[] authenticatedData(byte[] key, byte[] groupId, long epoch, byte[] body) {
        byte[] commitment = commitment(key, groupId, epoch, body);
        return ByteBuffer.allocate(1 + commitment.length).put(VERSION).put(commitment).array();
    }

    /** True when the authenticated data commits to exactly this key and body. */
    static boolean matches(byte[] authenticatedData, byte[] key, byte[] groupId, long epoch, byte[] body) {
        return MessageDigest.isEqual(authenticatedData, authenticatedData(key, groupId, epoch, body));
    }

    private static byte[] commitment(byte[] key, byte[] groupId, long epoch, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(LABEL);
            mac.update(groupId);
            mac.update(ByteBuffer.allocate(8).putLong(epoch).array());
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JDK", e);
        }
    }
}
