package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Scene chat between Java clients on one process. */
class SceneChatTest extends SceneChatContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Override
    TestServer server() {
        return SERVER;
    }
}
