package org.tryst.scenes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;

/**
 * The server's half of message franking: each application message carries its sender's commitment
 * in MLS authenticated data (a version byte, then 32 bytes), and the server binds it to the
 * authenticated sender, the scene, the epoch and the time with an HMAC only the server can compute.
 * A recipient who reports the message later shows the tag, and the server checks it; nobody else can,
 * so a leaked message proves nothing to outsiders.
 */
final class Franking {
    /** The first byte of the authenticated data: the commitment's format. */
    static final byte VERSION = 1;
    static final int COMMITMENT_BYTES = 32;
    private static final byte[] LABEL = "tryst-rt-v1".getBytes(StandardCharsets.US_ASCII);

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

    /** The server's tag over a commitment and its context; each part is length-prefixed so that no two contexts collide. */
    byte[] tag(byte[] commitment, String senderAccountId, byte[] groupId, long epoch, long serverTime) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (byte[] part : new byte[][] {LABEL, commitment, senderAccountId.getBytes(StandardCharsets.UTF_8), groupId}) {
                mac.update(ByteBuffer.allocate(4).putInt(part.length).array());
                mac.update(part);
            }
            mac.update(ByteBuffer.allocate(16).putLong(epoch).putLong(serverTime).array());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JDK", e);
        }
    }
}
