package org.tryst.personas;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Personas' pictures on one process. */
class SqliteAvatarTest extends AvatarContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Override
    TestServer server() {
        return SERVER;
    }
}
