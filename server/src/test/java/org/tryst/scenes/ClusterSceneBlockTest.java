package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Blocks and scenes on two server processes sharing PostgreSQL and NATS, each person on another: a block made on one holds on the other. */
class ClusterSceneBlockTest extends SceneBlockContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster();

    @Override
    TestServer server() {
        return SERVER;
    }
}
