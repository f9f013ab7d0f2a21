package org.tryst.client.mls.conformance;

import static org.tryst.client.mls.conformance.TestVectors.assertHex;
import static org.tryst.client.mls.conformance.TestVectors.ratchetTree;
import static org.tryst.client.mls.conformance.TestVectors.suite;

import java.util.stream.Stream;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.TreeKEM.TreeKEMPublicKey;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.codec.Proposal;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 tree-operations vectors: the ratchet tree after an Add, Update or Remove proposal is applied. */
class TreeOperationsVectorTest {

    record Vector(int cipherSuite, byte[] treeBefore, byte[] treeHashBefore, byte[] proposal, int proposalSender,
                  byte[] treeAfter, byte[] treeHashAfter) {
    }

    @TestFactory
    Stream<DynamicTest> treeOperations() {
        return TestVectors.eachVector("tree-operations.json", Vector.class, TreeOperationsVectorTest::describe,
                TreeOperationsVectorTest::verify);
    }

    private static String describe(Vector v) {
        try {
            return proposal(v).getProposalType() + " from leaf " + v.proposalSender();
        } catch (Exception e) {
            return "undecodable proposal";
        }
    }

    private static void verify(Vector v) throws Exception {
        TreeKEMPublicKey tree = ratchetTree(suite(v.cipherSuite()), v.treeBefore());
        assertHex(v.treeHashBefore(), tree.getRootHash(), "tree hash before");
        apply(tree, proposal(v), new LeafIndex(v.proposalSender()));
        assertHex(v.treeAfter(), MLSOutputStream.encode(tree), "tree after");
        assertHex(v.treeHashAfter(), tree.getRootHash(), "tree hash after");
    }

    /**
     * Bouncy Castle applies proposals inside its private Group.apply; these are the same tree calls it makes there,
     * including the truncation and re-hashing that close every commit.
     */
    private static void apply(TreeKEMPublicKey tree, Proposal proposal, LeafIndex sender) throws Exception {
        switch (proposal.getProposalType()) {
            case ADD -> tree.addLeaf(proposal.getLeafNode());
            case UPDATE -> tree.updateLeaf(sender, proposal.getLeafNode());
            case REMOVE -> tree.blankPath(proposal.getRemove().removed);
            default -> throw new AssertionError("not a tree operation: " + proposal.getProposalType());
        }
        tree.truncate();
        tree.setHashAll();
    }

    private static Proposal proposal(Vector v) throws Exception {
        return (Proposal) MLSInputStream.decode(v.proposal(), Proposal.class);
    }
}
