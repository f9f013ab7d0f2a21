package org.tryst.personas;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Personas' pictures on two processes sharing PostgreSQL and NATS, the owner and the viewer on different ones. */
class ClusterAvatarTest extends AvatarContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster();

    @Override
    TestServer server() {
        return SERVER;
    }
}
