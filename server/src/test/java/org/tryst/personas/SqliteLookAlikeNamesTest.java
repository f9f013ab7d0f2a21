package org.tryst.personas;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

class SqliteLookAlikeNamesTest extends LookAlikeNamesContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Override
    TestServer server() {
        return SERVER;
    }
}
