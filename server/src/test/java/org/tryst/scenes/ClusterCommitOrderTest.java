package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The CommitOrderContract again, on two server processes sharing PostgreSQL and NATS, each person on another. */
class ClusterCommitOrderTest extends CommitOrderContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster().with("TRYST_SCENES_MAX_MEMBERS", "30");

    @Override
    TestServer server() {
        return SERVER;
    }
}
