package org.tryst.safety;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Blocks in channels, on SQLite. */
class SqliteChannelBlockTest extends ChannelBlockContract {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    @Override
    TestServer server() {
        return server;
    }
}
