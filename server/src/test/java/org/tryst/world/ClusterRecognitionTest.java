package org.tryst.world;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The RecognitionContract on two server processes sharing PostgreSQL and NATS, each person on another in turn. */
class ClusterRecognitionTest extends RecognitionContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster().with(RECOGNITION, "true");

    @Override
    TestServer server() {
        return SERVER;
    }
}
