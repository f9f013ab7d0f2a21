package org.tryst.scenes;

import java.nio.charset.StandardCharsets;

/** How a scene's MLS credentials and group ids name Tryst's things: as the UTF-8 bytes of their ids. */
final class MlsIdentity {
    private MlsIdentity() {}

    /** The basic-credential identity of a persona, and the group id of a scene: the id's UTF-8 bytes. */
    static byte[] of(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }
}
