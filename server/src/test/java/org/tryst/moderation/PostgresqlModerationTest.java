package org.tryst.moderation;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The moderation contract on PostgreSQL. */
class PostgresqlModerationTest extends ModerationContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.postgresql();

    @Override
    TestServer server() {
        return SERVER;
    }
}
