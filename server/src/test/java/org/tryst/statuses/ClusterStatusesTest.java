package org.tryst.statuses;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The statuses contract on two processes sharing PostgreSQL and NATS, each person on another in turn. */
class ClusterStatusesTest extends StatusesContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster().with("TRYST_RATE_LIMITS_STATUS_CHANGES_PER_HOUR_PER_ACCOUNT", STATUS_CHANGES_PER_HOUR)
            .with("TRYST_RATE_LIMITS_STATUS_CHANGES_PER_HOUR_PER_ADDRESS", "100000");

    @Override
    TestServer server() {
        return SERVER;
    }
}
