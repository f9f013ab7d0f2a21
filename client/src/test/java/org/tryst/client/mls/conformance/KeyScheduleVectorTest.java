package org.tryst.client.mls.conformance;

import static org.tryst.client.mls.conformance.TestVectors.assertHex;
import static org.tryst.client.mls.conformance.TestVectors.check;
import static org.tryst.client.mls.conformance.TestVectors.secret;
import static org.tryst.client.mls.conformance.TestVectors.suite;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.mls.KeyScheduleEpoch;
import org.bouncycastle.mls.TreeSize;
import org.bouncycastle.mls.codec.GroupContext;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 key-schedule vectors: every secret derived in a run of epochs, from init_secret to the exporter. */
class KeyScheduleVectorTest {

    record Vector(int cipherSuite, byte[] groupId, byte[] initialInitSecret, List<Epoch> epochs) {
    }

    record Epoch(byte[] treeHash, byte[] commitSecret, byte[] pskSecret, byte[] confirmedTranscriptHash,
                 byte[] groupContext, byte[] joinerSecret, byte[] welcomeSecret, byte[] initSecret,
                 byte[] senderDataSecret, byte[] encryptionSecret, byte[] exporterSecret, byte[] epochAuthenticator,
                 byte[] externalSecret, byte[] confirmationKey, byte[] membershipKey, byte[] resumptionPsk,
                 byte[] externalPub, Exporter exporter) {
    }

    /** The label is used as the text of the label as it stands: the generator never hex-decodes it. */
    record Exporter(String label, byte[] context, int length, byte[] secret) {
    }

    @TestFactory
    Stream<DynamicContainer> keySchedule() {
        return TestVectors.eachVectorAsGroup("key-schedule.json", Vector.class, v -> v.epochs().size() + " epochs",
                KeyScheduleVectorTest::epochs);
    }

    /** Each epoch starts from the previous epoch's expected init_secret, so a failure points at one epoch only. */
    private static Stream<DynamicTest> epochs(Vector v) {
        return IntStream.range(0, v.epochs().size()).mapToObj(n -> {
            byte[] initSecret = n == 0 ? v.initialInitSecret() : v.epochs().get(n - 1).initSecret();
            return check("epoch " + n, () -> verify(suite(v.cipherSuite()), v.groupId(), n, initSecret,
                    v.epochs().get(n)));
        });
    }

    private static void verify(MlsCipherSuite suite, byte[] groupId, long epoch, byte[] initSecret, Epoch e)
            throws Exception {
        byte[] context = MLSOutputStream.encode(
                new GroupContext(suite, groupId, epoch, e.treeHash(), e.confirmedTranscriptHash(), List.of()));
        assertHex(e.groupContext(), context, "group_context");

        KeyScheduleEpoch.JoinSecrets join = KeyScheduleEpoch.JoinSecrets.forMember(suite, secret(initSecret),
                secret(e.commitSecret()), secret(e.pskSecret()), context);
        assertHex(e.joinerSecret(), join.joinerSecret.value(), "joiner_secret");
        assertHex(e.welcomeSecret(), join.welcomeSecret.value(), "welcome_secret");

        // The tree size only shapes the secret tree, which this family does not cover.
        KeyScheduleEpoch keys = join.complete(TreeSize.forLeaves(1), context);
        assertHex(e.initSecret(), keys.initSecret.value(), "init_secret");
        assertHex(e.senderDataSecret(), keys.senderDataSecret.value(), "sender_data_secret");
        assertHex(e.encryptionSecret(), keys.encryptionSecret.value(), "encryption_secret");
        assertHex(e.exporterSecret(), keys.exporterSecret.value(), "exporter_secret");
        assertHex(e.epochAuthenticator(), keys.epochAuthenticator.value(), "epoch_authenticator");
        assertHex(e.externalSecret(), keys.externalSecret.value(), "external_secret");
        assertHex(e.confirmationKey(), keys.confirmationKey.value(), "confirmation_key");
        assertHex(e.membershipKey(), keys.membershipKey.value(), "membership_key");
        assertHex(e.resumptionPsk(), keys.resumptionPSK.value(), "resumption_psk");
        assertHex(e.externalPub(), suite.getHPKE().serializePublicKey(keys.getExternalPublicKey()), "external_pub");

        Exporter x = e.exporter();
        assertHex(x.secret(), keys.MLSExporter(x.label(), x.context(), x.length()), "MLS-Exporter");
    }
}
