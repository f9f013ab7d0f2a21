package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

class PostgresqlSceneCanaryTest extends SceneCanaryContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.postgresql();

    @Override
    TestServer server() {
        return SERVER;
    }
}
