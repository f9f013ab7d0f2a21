package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The CallSignalContract on two server processes sharing PostgreSQL and NATS, each person on another. */
class ClusterCallSignalTest extends CallSignalContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster();

    @Override
    TestServer server() {
        return SERVER;
    }
}
