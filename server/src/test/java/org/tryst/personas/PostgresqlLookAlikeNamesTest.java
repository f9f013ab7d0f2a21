package org.tryst.personas;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

class PostgresqlLookAlikeNamesTest extends LookAlikeNamesContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.postgresql();

    @Override
    TestServer server() {
        return SERVER;
    }
}
