package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bouncycastle.mls.codec.KeyPackage;
import org.tryst.client.mls.BcMls;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;

/**
 * Any bytes as the MLS a scene member sends: as a relayed message, a KeyPackage and a Welcome, the
 * server reads the framing it needs or refuses it as {@code bad_mls}, nothing else. The seeds are
 * messages of a real group made with the client's MLS: KeyPackages, commits with their Welcomes, and
 * application messages.
 */
class MlsFramesFuzzTest {
    private static final KeyPackage INVITEE = MlsFrames.keyPackage(BcMls.create().newKeyPackage("invitee"));

    @FuzzTest(maxDuration = "5s")
    void readsTheFramingOrRefusesItAsBadMls(byte[] data) {
        try {
            switch (MlsFrames.parse(data)) {
                case MlsFrames.Application application -> {
                    assertThat(application.groupId()).isNotNull();
                    assertThat(application.authenticatedData()).isNotNull();
                }
                case MlsFrames.Handshake handshake -> {
                    assertThat(handshake.groupId()).isNotNull();
                    assertThat(handshake.adds()).doesNotContainNull();
                    assertThat(handshake.references()).doesNotContainNull();
                    handshake.adds().forEach(MlsFrames::reference);
                }
            }
        } catch (ProtocolException refused) {
            assertBadMls(refused);
        }
        try {
            assertThat(MlsFrames.reference(MlsFrames.keyPackage(data))).hasSize(32);
        } catch (ProtocolException refused) {
            assertBadMls(refused);
        }
        try {
            MlsFrames.welcomes(data, INVITEE);
        } catch (ProtocolException refused) {
            assertBadMls(refused);
        }
    }

    private static void assertBadMls(ProtocolException refused) {
        assertThat(refused.code()).as(refused.getMessage()).isEqualTo(ErrorCode.BAD_MLS);
    }
}
