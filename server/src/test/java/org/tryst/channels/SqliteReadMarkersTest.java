package org.tryst.channels;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

class SqliteReadMarkersTest extends ReadMarkersContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Override
    TestServer server() {
        return SERVER;
    }
}
