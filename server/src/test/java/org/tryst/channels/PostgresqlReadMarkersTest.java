package org.tryst.channels;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

class PostgresqlReadMarkersTest extends ReadMarkersContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.postgresql();

    @Override
    TestServer server() {
        return SERVER;
    }
}
