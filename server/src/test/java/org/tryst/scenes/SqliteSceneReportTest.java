package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.MutableClock;
import org.tryst.TestServer;

/** Verifiable reports of scene messages on one process. */
class SqliteSceneReportTest extends SceneReportContract {
    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with(CLOCK);

    @Override
    TestServer server() {
        return SERVER;
    }

    @Override
    MutableClock clock() {
        return CLOCK;
    }
}
