package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Scenes set in a room, on one process with PostgreSQL. */
class PostgresqlSceneSettingTest extends SceneSettingContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.postgresql();

    @Override
    TestServer server() {
        return SERVER;
    }
}
