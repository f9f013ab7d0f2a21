package org.tryst.moderation;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The moderation contract on two server processes sharing PostgreSQL and NATS, each person on another. */
class ClusterModerationTest extends ModerationContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster();

    @Override
    TestServer server() {
        return SERVER;
    }
}
