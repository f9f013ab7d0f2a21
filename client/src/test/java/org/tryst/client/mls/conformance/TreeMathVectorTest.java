package org.tryst.client.mls.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bouncycastle.mls.TreeSize;
import org.bouncycastle.mls.TreeKEM.NodeIndex;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 tree-math vectors: node index arithmetic of the left-balanced binary tree (independent of the suite). */
class TreeMathVectorTest {

    /** A null entry means the node has no such relative (a leaf's children, the root's parent and sibling). */
    record Vector(long nLeaves, long nNodes, long root, List<Long> left, List<Long> right, List<Long> parent,
                  List<Long> sibling) {
    }

    @TestFactory
    Stream<DynamicTest> treeMath() {
        return TestVectors.eachVector("tree-math.json", Vector.class, v -> v.nLeaves() + " leaves",
                TreeMathVectorTest::verify);
    }

    private static void verify(Vector v) {
        TreeSize size = TreeSize.forLeaves(v.nLeaves());
        assertEquals(v.nNodes(), size.width(), "n_nodes");
        assertEquals(v.root(), NodeIndex.root(size).value(), "root");
        for (long i = 0; i < v.nNodes(); i++) {
            NodeIndex node = new NodeIndex(i);
            assertRelative(v, "left", v.left(), node, NodeIndex::left);
            assertRelative(v, "right", v.right(), node, NodeIndex::right);
            assertRelative(v, "parent", v.parent(), node, NodeIndex::parent);
            assertRelative(v, "sibling", v.sibling(), node, NodeIndex::sibling);
        }
    }

    /**
     * Bouncy Castle's node arithmetic is unaware of the tree's size, so it has no null: it answers "none" with the
     * node itself (a leaf's children) or with an index past the end of the tree (the root's parent and sibling).
     */
    private static void assertRelative(Vector v, String relation, List<Long> expected, NodeIndex node,
                                       UnaryOperator<NodeIndex> relative) {
        Long want = expected.get((int) node.value());
        long got = relative.apply(node).value();
        String what = relation + "(" + node.value() + ")";
        if (want == null) {
            assertTrue(got == node.value() || got >= v.nNodes(), what + " should be none but is " + got);
        } else {
            assertEquals(want.longValue(), got, what);
        }
    }
}
