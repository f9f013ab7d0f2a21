package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.MutableClock;
import org.tryst.TestServer;

/** Verifiable reports of scene messages on two server processes sharing PostgreSQL and NATS, the reporter and the reported on different ones. */
class ClusterSceneReportTest extends SceneReportContract {
    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster().with(CLOCK);

    @Override
    TestServer server() {
        return SERVER;
    }

    @Override
    MutableClock clock() {
        return CLOCK;
    }
}
