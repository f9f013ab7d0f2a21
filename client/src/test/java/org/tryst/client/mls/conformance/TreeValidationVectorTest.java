package org.tryst.client.mls.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tryst.client.mls.conformance.TestVectors.assertHex;
import static org.tryst.client.mls.conformance.TestVectors.ratchetTree;
import static org.tryst.client.mls.conformance.TestVectors.suite;

import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.TreeKEM.LeafNode;
import org.bouncycastle.mls.TreeKEM.NodeIndex;
import org.bouncycastle.mls.TreeKEM.TreeKEMPublicKey;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 tree-validation vectors: tree hashes, resolutions, parent hashes and leaf signatures of a ratchet tree. */
class TreeValidationVectorTest {

    /** {@code tree_hashes} and {@code resolutions} are indexed by node. */
    record Vector(int cipherSuite, byte[] tree, byte[] groupId, List<byte[]> treeHashes,
                  List<List<Long>> resolutions) {
    }

    @TestFactory
    Stream<DynamicTest> treeValidation() {
        return TestVectors.eachVector("tree-validation.json", Vector.class, v -> v.treeHashes().size() + " nodes",
                TreeValidationVectorTest::verify);
    }

    private static void verify(Vector v) throws Exception {
        MlsCipherSuite suite = suite(v.cipherSuite());
        TreeKEMPublicKey tree = ratchetTree(suite, v.tree());
        assertEquals(v.treeHashes().size(), tree.getSize().width(), "number of nodes");
        for (int i = 0; i < v.treeHashes().size(); i++) {
            NodeIndex node = new NodeIndex(i);
            assertHex(v.treeHashes().get(i), tree.getHash(node), "tree hash of node " + i);
            assertEquals(v.resolutions().get(i), tree.resolve(node).stream().map(NodeIndex::value).toList(),
                    "resolution of node " + i);
        }
        assertTrue(tree.verifyParentHash(), "parent hashes are valid");
        for (int i = 0; i < tree.getSize().leafCount(); i++) {
            LeafNode leaf = tree.getLeafNode(new LeafIndex(i));
            if (leaf != null) {
                assertTrue(leaf.verify(suite, leaf.toBeSigned(v.groupId(), i)), "signature of leaf " + i);
            }
        }
    }
}
