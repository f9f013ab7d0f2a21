package org.tryst.client.mls.conformance;

import static org.tryst.client.mls.conformance.TestVectors.assertHex;
import static org.tryst.client.mls.conformance.TestVectors.secret;
import static org.tryst.client.mls.conformance.TestVectors.suite;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.mls.TreeKEM.TreeKEMPublicKey;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.bouncycastle.mls.crypto.Secret;
import org.bouncycastle.mls.protocol.Group;
import org.junit.jupiter.api.DynamicTest;

/** The passive-client check shared by the passive-client-* families: join by Welcome, then follow every commit. */
final class PassiveClient {

    record Vector(int cipherSuite, List<ExternalPsk> externalPsks, byte[] keyPackage, byte[] signaturePriv,
                  byte[] encryptionPriv, byte[] initPriv, byte[] welcome, byte[] ratchetTree,
                  byte[] initialEpochAuthenticator, List<Epoch> epochs) {
    }

    record ExternalPsk(byte[] pskId, byte[] psk) {
    }

    record Epoch(List<byte[]> proposals, byte[] commit, byte[] epochAuthenticator) {
    }

    private PassiveClient() {
    }

    static Stream<DynamicTest> eachVector(String file) {
        return TestVectors.eachVector(file, Vector.class, PassiveClient::describe, PassiveClient::verify);
    }

    private static String describe(Vector v) {
        return v.epochs().size() + " epochs, ratchet tree " + (v.ratchetTree() == null ? "in the Welcome" : "given")
                + (v.externalPsks().isEmpty() ? "" : ", " + v.externalPsks().size() + " external PSKs");
    }

    /** Proposals are only cached by the group; the epoch authenticator after each commit proves it was applied. */
    private static void verify(Vector v) throws Exception {
        Group group = join(v);
        assertHex(v.initialEpochAuthenticator(), group.getEpochAuthenticator(), "epoch authenticator after joining");
        for (int n = 0; n < v.epochs().size(); n++) {
            Epoch epoch = v.epochs().get(n);
            for (byte[] proposal : epoch.proposals()) {
                group.handle(proposal, null);
            }
            group = group.handle(epoch.commit(), null);
            assertHex(epoch.epochAuthenticator(), group.getEpochAuthenticator(),
                    "epoch authenticator after commit " + n);
        }
    }

    private static Group join(Vector v) throws Exception {
        MlsCipherSuite suite = suite(v.cipherSuite());
        MLSMessage keyPackage = (MLSMessage) MLSInputStream.decode(v.keyPackage(), MLSMessage.class);
        MLSMessage welcome = (MLSMessage) MLSInputStream.decode(v.welcome(), MLSMessage.class);
        AsymmetricCipherKeyPair leafKey = suite.getHPKE().deserializePrivateKey(v.encryptionPriv(), null);
        // Bouncy Castle keys external PSKs by their id wrapped in a Secret, whose equality compares the bytes.
        Map<Secret, byte[]> externalPsks = v.externalPsks().stream()
                .collect(Collectors.toMap(p -> secret(p.pskId()), p -> p.psk().clone()));
        return new Group(v.initPriv(), leafKey, v.signaturePriv(), keyPackage.keyPackage, welcome.welcome,
                ratchetTree(v), externalPsks, Map.of());
    }

    /** Without a ratchet tree in the vector, the Welcome's GroupInfo carries it in an extension. */
    private static TreeKEMPublicKey ratchetTree(Vector v) throws Exception {
        return v.ratchetTree() == null
                ? null
                : (TreeKEMPublicKey) MLSInputStream.decode(v.ratchetTree(), TreeKEMPublicKey.class);
    }
}
