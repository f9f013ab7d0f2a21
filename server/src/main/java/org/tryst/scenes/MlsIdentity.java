package org.tryst.scenes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;

/** How a scene's MLS credentials and group ids name Tryst's things: as the UTF-8 bytes of their ids. */
final class MlsIdentity {
    private MlsIdentity() {}

    /** The basic-credential identity of a persona, and the group id of a scene: the id's UTF-8 bytes. */
    static byte[] of(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    /** Refuses a message whose MLS group is not the scene's. */
    static void requireGroup(byte[] groupId, String sceneId) {
        if (!Arrays.equals(groupId, of(sceneId))) throw new ProtocolException(ErrorCode.BAD_MLS, "the message belongs to another MLS group");
    }
}
