package org.tryst.world;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The PlayContract again, on two server processes sharing PostgreSQL and NATS, each person on another. */
class ClusterPlayTest extends PlayContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster();

    @Override
    TestServer server() {
        return SERVER;
    }
}
