package org.tryst.safety;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Blocks in channels, on PostgreSQL. */
class PostgresqlChannelBlockTest extends ChannelBlockContract {
    @RegisterExtension
    static final TestServer server = TestServer.postgresql();

    @Override
    TestServer server() {
        return server;
    }
}
