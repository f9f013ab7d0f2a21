package org.tryst.world;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

class PostgresqlWorldTest extends WorldContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.postgresql();

    @Override
    TestServer server() {
        return SERVER;
    }
}
