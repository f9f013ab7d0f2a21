package org.tryst.client.mls.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 passive-client-welcome vectors: a new member joining by Welcome, with the tree given in or out of band. */
class PassiveClientWelcomeVectorTest {

    @TestFactory
    Stream<DynamicTest> passiveClientWelcome() {
        return PassiveClient.eachVector("passive-client-welcome.json");
    }
}
