package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The CallSignalContract on one process and SQLite. */
class SqliteCallSignalTest extends CallSignalContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Override
    TestServer server() {
        return SERVER;
    }
}
