package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Scene chat between Java clients on two server processes sharing PostgreSQL and NATS, each member on another. */
class ClusterSceneChatTest extends SceneChatContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster();

    @Override
    TestServer server() {
        return SERVER;
    }
}
