package org.tryst.client.mls.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 passive-client-handling-commit vectors: a member following commits of every kind of proposal. */
class PassiveClientHandlingCommitVectorTest {

    @TestFactory
    Stream<DynamicTest> passiveClientHandlingCommit() {
        return PassiveClient.eachVector("passive-client-handling-commit.json");
    }
}
