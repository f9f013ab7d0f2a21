package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The safeword on one process. */
class SafewordTest extends SafewordContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with(clock);

    @Override
    TestServer server() {
        return SERVER;
    }
}
