package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

class SqliteCommitOrderTest extends CommitOrderContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with("TRYST_SCENES_MAX_MEMBERS", "30");

    @Override
    TestServer server() {
        return SERVER;
    }
}
