package org.tryst.personas;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The LookAlikeNamesContract again, on two server processes sharing PostgreSQL and NATS, each person on another. */
class ClusterLookAlikeNamesTest extends LookAlikeNamesContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster();

    @Override
    TestServer server() {
        return SERVER;
    }
}
