package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The SceneCanaryContract again, on two server processes sharing PostgreSQL and NATS, each person on another. */
class ClusterSceneCanaryTest extends SceneCanaryContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster();

    @Override
    TestServer server() {
        return SERVER;
    }
}
