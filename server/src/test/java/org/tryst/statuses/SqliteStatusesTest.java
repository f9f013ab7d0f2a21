package org.tryst.statuses;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

class SqliteStatusesTest extends StatusesContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with("TRYST_RATE_LIMITS_STATUS_CHANGES_PER_HOUR_PER_ACCOUNT", STATUS_CHANGES_PER_HOUR)
            .with("TRYST_RATE_LIMITS_STATUS_CHANGES_PER_HOUR_PER_ADDRESS", "100000");

    @Override
    TestServer server() {
        return SERVER;
    }
}
