package org.tryst.client.mls.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tryst.client.mls.conformance.TestVectors.assertHex;
import static org.tryst.client.mls.conformance.TestVectors.check;
import static org.tryst.client.mls.conformance.TestVectors.secret;
import static org.tryst.client.mls.conformance.TestVectors.suite;

import java.util.stream.Stream;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.bouncycastle.mls.crypto.Secret;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 crypto-basics vectors: the labelled hash, KDF, signature and HPKE helpers of the cipher suite. */
class CryptoBasicsVectorTest {

    record Vector(int cipherSuite, RefHash refHash, ExpandWithLabel expandWithLabel, DeriveSecret deriveSecret,
                  DeriveTreeSecret deriveTreeSecret, SignWithLabel signWithLabel, EncryptWithLabel encryptWithLabel) {
    }

    record RefHash(String label, byte[] value, byte[] out) {
    }

    record ExpandWithLabel(byte[] secret, String label, byte[] context, int length, byte[] out) {
    }

    record DeriveSecret(byte[] secret, String label, byte[] out) {
    }

    /** The generation is a uint32, which can exceed Java's int range. */
    record DeriveTreeSecret(byte[] secret, String label, long generation, int length, byte[] out) {
    }

    record SignWithLabel(byte[] priv, byte[] pub, byte[] content, String label, byte[] signature) {
    }

    record EncryptWithLabel(byte[] priv, byte[] pub, String label, byte[] context, byte[] plaintext,
                            byte[] kemOutput, byte[] ciphertext) {
    }

    @TestFactory
    Stream<DynamicContainer> cryptoBasics() {
        return TestVectors.eachVectorAsGroup("crypto-basics.json", Vector.class, v -> "suite " + v.cipherSuite(),
                v -> checks(suite(v.cipherSuite()), v));
    }

    private static Stream<DynamicTest> checks(MlsCipherSuite suite, Vector v) {
        return Stream.of(
                check("ref_hash", () -> refHash(suite, v.refHash())),
                check("expand_with_label", () -> expandWithLabel(suite, v.expandWithLabel())),
                check("derive_secret", () -> deriveSecret(suite, v.deriveSecret())),
                check("derive_tree_secret", () -> deriveTreeSecret(suite, v.deriveTreeSecret())),
                check("sign_with_label", () -> signWithLabel(suite, v.signWithLabel())),
                check("encrypt_with_label", () -> encryptWithLabel(suite, v.encryptWithLabel())));
    }

    private static void refHash(MlsCipherSuite suite, RefHash t) throws Exception {
        assertHex(t.out(), suite.refHash(t.value(), t.label()), "RefHash");
    }

    private static void expandWithLabel(MlsCipherSuite suite, ExpandWithLabel t) throws Exception {
        Secret out = secret(t.secret()).expandWithLabel(suite, t.label(), t.context(), t.length());
        assertHex(t.out(), out.value(), "ExpandWithLabel");
    }

    private static void deriveSecret(MlsCipherSuite suite, DeriveSecret t) throws Exception {
        assertHex(t.out(), secret(t.secret()).deriveSecret(suite, t.label()).value(), "DeriveSecret");
    }

    private static void deriveTreeSecret(MlsCipherSuite suite, DeriveTreeSecret t) throws Exception {
        // Bouncy Castle takes the generation as an int; narrowing keeps the same four big-endian bytes on the wire.
        Secret out = secret(t.secret()).deriveTreeSecret(suite, t.label(), (int) t.generation(), t.length());
        assertHex(t.out(), out.value(), "DeriveTreeSecret");
    }

    private static void signWithLabel(MlsCipherSuite suite, SignWithLabel t) throws Exception {
        assertTrue(suite.verifyWithLabel(t.pub(), t.label(), t.content(), t.signature()),
                "the vector's signature verifies");
        byte[] ours = suite.signWithLabel(t.priv(), t.label(), t.content());
        assertTrue(suite.verifyWithLabel(t.pub(), t.label(), t.content(), ours), "our own signature verifies");
    }

    private static void encryptWithLabel(MlsCipherSuite suite, EncryptWithLabel t) throws Exception {
        byte[] opened = suite.decryptWithLabel(t.priv(), t.label(), t.context(), t.kemOutput(), t.ciphertext());
        assertHex(t.plaintext(), opened, "DecryptWithLabel of the vector's ciphertext");
        // Bouncy Castle returns {ciphertext, kem_output}, the reverse of the RFC's order.
        byte[][] sealed = suite.encryptWithLabel(t.pub(), t.label(), t.context(), t.plaintext());
        assertHex(t.plaintext(), suite.decryptWithLabel(t.priv(), t.label(), t.context(), sealed[1], sealed[0]),
                "DecryptWithLabel of our own EncryptWithLabel");
    }
}
