package org.tryst.channels;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The ChannelsContract again, on two server processes sharing PostgreSQL and NATS, each person on another. */
class ClusterChannelsTest extends ChannelsContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster();

    @Override
    TestServer server() {
        return SERVER;
    }
}
