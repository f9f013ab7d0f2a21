package org.tryst.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tryst.client.mls.Mls;

/**
 * The sender's half of message franking: a fresh key {@code kf} per message, and the commitment
 * HMAC-SHA256(kf, "tryst-frank-v1" || group id || epoch || body) carried in MLS authenticated data,
 * while {@code kf} travels encrypted beside the body. Recipients recompute it and drop a message
 * whose commitment does not match, so that every delivered message can be reported.
 */
public final class Franking {
    static final byte VERSION = 1;
    static final int KEY_BYTES = 32;
    private static final byte[] LABEL = "tryst-frank-v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Franking() {}

    /**
     * An application message as an honest client sends it: a fresh key beside the body inside the
     * encryption, and the commitment to both in the authenticated data, at the group's current epoch.
     */
    public static byte[] seal(Mls.Group group, byte[] body) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        byte[] authenticatedData = authenticatedData(key, group.id().getBytes(StandardCharsets.UTF_8), group.epoch(), body);
        return group.protect(authenticatedData, ByteBuffer.allocate(key.length + body.length).put(key).put(body).array());
    }

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
