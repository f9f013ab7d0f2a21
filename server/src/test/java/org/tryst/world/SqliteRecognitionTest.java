package org.tryst.world;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

class SqliteRecognitionTest extends RecognitionContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with(RECOGNITION, "true");

    @Override
    TestServer server() {
        return SERVER;
    }
}
