package org.tryst.safety;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Blocks in channels, on PostgreSQL. */
class ClusterChannelBlockTest extends ChannelBlockContract {
    @RegisterExtension
    static final TestServer server = TestServer.cluster();

    @Override
    TestServer server() {
        return server;
    }
}
