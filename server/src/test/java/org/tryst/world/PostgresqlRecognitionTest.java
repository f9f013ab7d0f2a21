package org.tryst.world;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

class PostgresqlRecognitionTest extends RecognitionContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.postgresql().with(RECOGNITION, "true");

    @Override
    TestServer server() {
        return SERVER;
    }
}
