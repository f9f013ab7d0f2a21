package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Consent to scenes on two server processes sharing PostgreSQL and NATS, each member on another. */
class ClusterSceneConsentTest extends SceneConsentContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster();

    @Override
    TestServer server() {
        return SERVER;
    }
}
