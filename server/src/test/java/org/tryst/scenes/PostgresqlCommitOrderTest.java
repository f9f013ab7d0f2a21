package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

class PostgresqlCommitOrderTest extends CommitOrderContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.postgresql().with("TRYST_SCENES_MAX_MEMBERS", "30");

    @Override
    TestServer server() {
        return SERVER;
    }
}
