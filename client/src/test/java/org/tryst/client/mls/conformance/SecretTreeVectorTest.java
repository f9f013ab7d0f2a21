package org.tryst.client.mls.conformance;

import static org.tryst.client.mls.conformance.TestVectors.assertHex;
import static org.tryst.client.mls.conformance.TestVectors.check;
import static org.tryst.client.mls.conformance.TestVectors.secret;
import static org.tryst.client.mls.conformance.TestVectors.suite;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.mls.GroupKeySet;
import org.bouncycastle.mls.KeyGeneration;
import org.bouncycastle.mls.KeyScheduleEpoch;
import org.bouncycastle.mls.TreeSize;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 secret-tree vectors: sender-data keys and the per-leaf handshake and application ratchets. */
class SecretTreeVectorTest {

    record Vector(int cipherSuite, byte[] encryptionSecret, SenderData senderData, List<List<Generation>> leaves) {
    }

    record SenderData(byte[] senderDataSecret, byte[] ciphertext, byte[] key, byte[] nonce) {
    }

    record Generation(int generation, byte[] handshakeKey, byte[] handshakeNonce, byte[] applicationKey,
                      byte[] applicationNonce) {
    }

    @TestFactory
    Stream<DynamicContainer> secretTree() {
        return TestVectors.eachVectorAsGroup("secret-tree.json", Vector.class, v -> v.leaves().size() + " leaves",
                SecretTreeVectorTest::checks);
    }

    private static Stream<DynamicTest> checks(Vector v) {
        MlsCipherSuite suite = suite(v.cipherSuite());
        Stream<DynamicTest> senderData = Stream.of(check("sender_data", () -> senderData(suite, v.senderData())));
        Stream<DynamicTest> leaves = IntStream.range(0, v.leaves().size())
                .mapToObj(i -> check("leaf " + i, () -> leaf(suite, v, i)));
        return Stream.concat(senderData, leaves);
    }

    private static void senderData(MlsCipherSuite suite, SenderData s) throws Exception {
        KeyGeneration keys = KeyScheduleEpoch.senderDataKeys(suite, s.senderDataSecret(), s.ciphertext());
        assertHex(s.key(), keys.key, "sender data key");
        assertHex(s.nonce(), keys.nonce, "sender data nonce");
    }

    /** Every leaf gets a fresh tree so that it is derived from the root as a receiver would, not from a sibling. */
    private static void leaf(MlsCipherSuite suite, Vector v, int index) throws Exception {
        GroupKeySet tree = new GroupKeySet(suite, TreeSize.forLeaves(v.leaves().size()),
                secret(v.encryptionSecret()));
        LeafIndex leaf = new LeafIndex(index);
        for (Generation g : v.leaves().get(index)) {
            KeyGeneration handshake = tree.handshakeRatchet(leaf).get(g.generation());
            KeyGeneration application = tree.applicationRatchet(leaf).get(g.generation());
            String at = " of generation " + g.generation();
            assertHex(g.handshakeKey(), handshake.key, "handshake key" + at);
            assertHex(g.handshakeNonce(), handshake.nonce, "handshake nonce" + at);
            assertHex(g.applicationKey(), application.key, "application key" + at);
            assertHex(g.applicationNonce(), application.nonce, "application nonce" + at);
        }
    }
}
