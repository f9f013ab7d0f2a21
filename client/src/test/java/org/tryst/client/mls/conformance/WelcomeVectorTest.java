package org.tryst.client.mls.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tryst.client.mls.conformance.TestVectors.assertHex;
import static org.tryst.client.mls.conformance.TestVectors.suite;

import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.mls.KeyScheduleEpoch;
import org.bouncycastle.mls.codec.GroupContext;
import org.bouncycastle.mls.codec.GroupInfo;
import org.bouncycastle.mls.codec.GroupSecrets;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.codec.WireFormat;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 welcome vectors: a new member opens a Welcome with its KeyPackage and checks the GroupInfo. */
class WelcomeVectorTest {

    record Vector(int cipherSuite, byte[] initPriv, byte[] keyPackage, byte[] signerPub, byte[] welcome) {
    }

    @TestFactory
    Stream<DynamicTest> welcome() {
        return TestVectors.eachVector("welcome.json", Vector.class, v -> "suite " + v.cipherSuite(),
                WelcomeVectorTest::verify);
    }

    private static void verify(Vector v) throws Exception {
        MlsCipherSuite suite = suite(v.cipherSuite());
        MLSMessage welcome = message(v.welcome(), WireFormat.mls_welcome);
        MLSMessage keyPackage = message(v.keyPackage(), WireFormat.mls_key_package);

        int slot = welcome.welcome.find(keyPackage.keyPackage);
        assertNotEquals(-1, slot, "the Welcome holds secrets for the KeyPackage");
        GroupSecrets secrets = welcome.welcome.decryptSecrets(slot, v.initPriv());
        // The vectors use no pre-shared keys, so the welcome key comes from the joiner secret alone.
        List<KeyScheduleEpoch.PSKWithSecret> noPsks = List.of();
        GroupInfo groupInfo = welcome.welcome.decrypt(secrets.joiner_secret, noPsks);
        assertTrue(groupInfo.verify(suite, v.signerPub()), "GroupInfo signature verifies with signer_pub");

        GroupContext context = groupInfo.getGroupContext();
        KeyScheduleEpoch epoch = KeyScheduleEpoch.joiner(suite, secrets.joiner_secret, noPsks,
                MLSOutputStream.encode(context));
        assertHex(epoch.confirmationTag(context.getConfirmedTranscriptHash()), groupInfo.getConfirmationTag(),
                "GroupInfo confirmation_tag");
    }

    /** Decodes an MLSMessage and checks it re-encodes to the same bytes, so nothing was silently dropped. */
    private static MLSMessage message(byte[] bytes, WireFormat expected) throws Exception {
        MLSMessage message = (MLSMessage) MLSInputStream.decode(bytes, MLSMessage.class);
        assertEquals(expected, message.wireFormat, "wire format");
        assertHex(bytes, MLSOutputStream.encode(message), "re-encoded " + expected);
        return message;
    }
}
