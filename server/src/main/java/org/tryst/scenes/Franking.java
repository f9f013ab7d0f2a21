package org.tryst.scenes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;

/**
 * The server's half of message franking: each application message carries its sender's commitment
 * in MLS authenticated data (a version byte, then 32 bytes), and the server binds it to the
 * authenticated sender (account and persona), the scene, the epoch and the time with an HMAC only
 * the server can compute. A recipient who reports the message later shows the tag, and the server
 * checks it; nobody else can, so a leaked message proves nothing to outsiders.
 */
final class Franking {
    /** The first byte of the authenticated data: the commitment's format. */
    static final byte VERSION = 1;
    static final int COMMITMENT_BYTES = 32;
    private static final byte[] LABEL = "tryst-rt-v2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMITMENT_LABEL = "tryst-frank-v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    Franking(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The commitment inside authenticated data; {@code bad_mls} when there is none of the right form. */
    static byte[] commitment(byte[] authenticatedData) {
        if (authenticatedData.length != 1 + COMMITMENT_BYTES || authenticatedData[0] != VERSION) {
            throw new ProtocolException(ErrorCode.BAD_MLS, "application messages carry a franking commitment in their authenticated data");
        }
        byte[] commitment = new byte[COMMITMENT_BYTES];
        System.arraycopy(authenticatedData, 1, commitment, 0, COMMITMENT_BYTES);
        return commitment;
    }

    /** The sender's commitment recomputed from what a report discloses: HMAC(kf, label ‖ group ‖ epoch ‖ body), as clients make it. */
    static byte[] commitment(byte[] frankingKey, byte[] groupId, long epoch, byte[] body) {
        Mac mac = hmac(new SecretKeySpec(frankingKey, "HmacSHA256"));
        mac.update(COMMITMENT_LABEL);
        mac.update(groupId);
        mac.update(ByteBuffer.allocate(8).putLong(epoch).array());
        return mac.doFinal(body);
    }

    /** The server's tag over a commitment and its context; each part is length-prefixed so that no two contexts collide. */
    byte[] tag(byte[] commitment, String senderAccountId, String senderPersonaId, byte[] groupId, long epoch, long serverTime) {
        Mac mac = hmac(key);
        byte[][] parts = {LABEL, commitment, senderAccountId.getBytes(StandardCharsets.UTF_8),
                senderPersonaId.getBytes(StandardCharsets.UTF_8), groupId};
        for (byte[] part : parts) {
            mac.update(ByteBuffer.allocate(4).putInt(part.length).array());
            mac.update(part);
        }
        mac.update(ByteBuffer.allocate(16).putLong(epoch).putLong(serverTime).array());
        return mac.doFinal();
    }

    /** True when the tag is this key's over exactly this commitment and context (compared in constant time). */
    boolean tagged(byte[] tag, byte[] commitment, String senderAccountId, String senderPersonaId, byte[] groupId, long epoch, long serverTime) {
        return MessageDigest.isEqual(tag, tag(commitment, senderAccountId, senderPersonaId, groupId, epoch, serverTime));
    }

    private static Mac hmac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JDK", e);
        }
    }
}
