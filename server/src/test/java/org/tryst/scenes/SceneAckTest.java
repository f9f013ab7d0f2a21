package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Acknowledgements on one process. */
class SceneAckTest extends SceneAckContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Override
    TestServer server() {
        return SERVER;
    }
}
