package org.tryst.channels;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

class SqliteChannelsTest extends ChannelsContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Override
    TestServer server() {
        return SERVER;
    }
}
