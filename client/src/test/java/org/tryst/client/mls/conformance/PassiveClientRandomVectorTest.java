package org.tryst.client.mls.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 passive-client-random vectors: a member following a long random run of proposals and commits. */
class PassiveClientRandomVectorTest {

    @TestFactory
    Stream<DynamicTest> passiveClientRandom() {
        return PassiveClient.eachVector("passive-client-random.json");
    }
}
