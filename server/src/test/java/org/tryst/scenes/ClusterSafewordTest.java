package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The safeword on two server processes sharing PostgreSQL and NATS, each member on another: it ends the scene on every process at once. */
class ClusterSafewordTest extends SafewordContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster().with(clock);

    @Override
    TestServer server() {
        return SERVER;
    }
}
