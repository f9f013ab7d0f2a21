package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** A scene from creation to its timer and its end, on two server processes sharing PostgreSQL and NATS, each member on another. */
class ClusterSceneLifecycleTest extends SceneLifecycleContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster().with(clock).with("TRYST_SCENES_EXPIRY_SWEEP_SECONDS", "1");

    @Override
    TestServer server() {
        return SERVER;
    }
}
