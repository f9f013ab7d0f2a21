package org.tryst.client.mls.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tryst.client.mls.conformance.TestVectors.assertHex;
import static org.tryst.client.mls.conformance.TestVectors.check;
import static org.tryst.client.mls.conformance.TestVectors.ratchetTree;
import static org.tryst.client.mls.conformance.TestVectors.secret;
import static org.tryst.client.mls.conformance.TestVectors.suite;

import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.TreeKEM.LeafNode;
import org.bouncycastle.mls.TreeKEM.NodeIndex;
import org.bouncycastle.mls.TreeKEM.TreeKEMPrivateKey;
import org.bouncycastle.mls.TreeKEM.TreeKEMPublicKey;
import org.bouncycastle.mls.codec.GroupContext;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.codec.UpdatePath;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.bouncycastle.mls.protocol.Group;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 treekem vectors: members decrypting UpdatePaths, and UpdatePaths of our own that they can decrypt. */
class TreeKemVectorTest {

    record Vector(int cipherSuite, byte[] groupId, long epoch, byte[] confirmedTranscriptHash, byte[] ratchetTree,
                  List<LeafPrivate> leavesPrivate, List<Path> updatePaths) {
    }

    record LeafPrivate(int index, byte[] encryptionPriv, byte[] signaturePriv, List<PathSecret> pathSecrets) {
    }

    record PathSecret(long node, byte[] pathSecret) {
    }

    /** {@code path_secrets} is indexed by leaf: what each member learns from the path, null for the sender. */
    record Path(int sender, byte[] updatePath, List<byte[]> pathSecrets, byte[] commitSecret, byte[] treeHashAfter) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @TestFactory
    Stream<DynamicContainer> treeKem() {
        return TestVectors.eachVectorAsGroup("treekem.json", Vector.class,
                v -> v.leavesPrivate().size() + " members, " + v.updatePaths().size() + " update paths",
                v -> checks(new Members(v)));
    }

    private static Stream<DynamicTest> checks(Members members) {
        Stream<DynamicTest> state = Stream.of(check("public and private state are valid", members::assertValid));
        Stream<DynamicTest> paths = members.vector.updatePaths().stream().flatMap(path -> Stream.of(
                check("update path from leaf " + path.sender() + " decrypts", () -> members.assertDecrypts(path)),
                check("fresh update path from leaf " + path.sender() + " decrypts",
                        () -> members.assertFreshPathDecrypts(path.sender()))));
        return Stream.concat(state, paths);
    }

    /** The group of the vector: its public tree and the private state of every member. */
    private static final class Members {

        private final Vector vector;
        private final MlsCipherSuite suite;
        private final TreeKEMPublicKey tree;

        Members(Vector v) {
            vector = v;
            suite = suite(v.cipherSuite());
            try {
                tree = ratchetTree(suite, v.ratchetTree());
            } catch (Exception e) {
                throw new IllegalStateException("cannot decode the ratchet tree", e);
            }
        }

        void assertValid() throws Exception {
            assertTrue(tree.verifyParentHash(), "parent hashes are valid");
            for (int i = 0; i < tree.getSize().leafCount(); i++) {
                LeafNode leaf = tree.getLeafNode(new LeafIndex(i));
                if (leaf != null) {
                    assertTrue(leaf.verify(suite, leaf.toBeSigned(vector.groupId(), i)), "signature of leaf " + i);
                }
            }
            for (LeafPrivate member : vector.leavesPrivate()) {
                assertTrue(privateKey(member).consistent(tree),
                        "private state of leaf " + member.index() + " matches the public tree");
            }
        }

        /** Receives the vector's path as every other member, each from its own copy of the private state. */
        void assertDecrypts(Path path) throws Exception {
            LeafIndex sender = new LeafIndex(path.sender());
            UpdatePath update = (UpdatePath) MLSInputStream.decode(path.updatePath(), UpdatePath.class);
            TreeKEMPublicKey after = receive(sender, update);
            assertHex(path.treeHashAfter(), after.getRootHash(), "tree hash after merging the path");

            byte[] context = context(after);
            for (LeafPrivate member : receivers(sender)) {
                TreeKEMPrivateKey key = privateKey(member);
                key.decap(sender, after, context, update, List.of());
                assertHex(path.commitSecret(), key.getUpdateSecret().value(),
                        "commit secret at leaf " + member.index());
                assertHex(path.pathSecrets().get(member.index()), key.getSharedPathSecret(sender).value(),
                        "path secret shared by leaf " + member.index());
            }
        }

        /** Has the sender make a new path with a random leaf secret, as on a real commit, and the others open it. */
        void assertFreshPathDecrypts(int senderIndex) throws Exception {
            LeafIndex sender = new LeafIndex(senderIndex);
            TreeKEMPublicKey senderTree = TreeKEMPublicKey.clone(tree);
            byte[] leafSecret = new byte[suite.getKDF().getHashLength()];
            RANDOM.nextBytes(leafSecret);
            TreeKEMPrivateKey senderKey = senderTree.update(sender, secret(leafSecret), vector.groupId(),
                    member(senderIndex).signaturePriv(), new Group.LeafNodeOptions());
            byte[] context = context(senderTree);
            UpdatePath update = senderTree.encap(senderKey, context, List.of());

            TreeKEMPublicKey after = receive(sender, update);
            assertHex(senderTree.getRootHash(), after.getRootHash(), "receivers and sender agree on the tree");
            for (LeafPrivate member : receivers(sender)) {
                TreeKEMPrivateKey key = privateKey(member);
                key.decap(sender, after, context, update, List.of());
                assertHex(senderKey.getUpdateSecret().value(), key.getUpdateSecret().value(),
                        "commit secret at leaf " + member.index());
            }
        }

        /** What a receiver does before decrypting: check the path's parent hash, then merge it into its tree. */
        private TreeKEMPublicKey receive(LeafIndex sender, UpdatePath update) throws Exception {
            assertTrue(tree.verifyParentHash(sender, update), "the path's parent hash is valid");
            TreeKEMPublicKey after = TreeKEMPublicKey.clone(tree);
            after.merge(sender, update);
            return after;
        }

        private byte[] context(TreeKEMPublicKey after) throws Exception {
            return MLSOutputStream.encode(new GroupContext(suite, vector.groupId(), vector.epoch(),
                    after.getRootHash(), vector.confirmedTranscriptHash(), List.of()));
        }

        private List<LeafPrivate> receivers(LeafIndex sender) {
            return vector.leavesPrivate().stream().filter(m -> m.index() != sender.value()).toList();
        }

        private LeafPrivate member(int index) {
            return vector.leavesPrivate().stream().filter(m -> m.index() == index).findFirst()
                    .orElseThrow(() -> new AssertionError("no private state for leaf " + index));
        }

        /** Built afresh on each call, because decapsulating changes the private state in place. */
        private TreeKEMPrivateKey privateKey(LeafPrivate member) {
            TreeKEMPrivateKey key = new TreeKEMPrivateKey(suite, new LeafIndex(member.index()));
            key.insertPrivateKey(new NodeIndex(new LeafIndex(member.index())),
                    suite.getHPKE().deserializePrivateKey(member.encryptionPriv(), null));
            for (PathSecret p : member.pathSecrets()) {
                key.insertPathSecret(new NodeIndex(p.node()), secret(p.pathSecret()));
            }
            return key;
        }
    }
}
