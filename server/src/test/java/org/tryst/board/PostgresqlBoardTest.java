package org.tryst.board;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.MutableClock;
import org.tryst.TestServer;

class PostgresqlBoardTest extends BoardContract {
    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final TestServer SERVER = TestServer.postgresql().with(CLOCK).with("TRYST_RATE_LIMITS_ADS_PER_HOUR_PER_ACCOUNT", ADS_PER_HOUR)
            .with("TRYST_RATE_LIMITS_ADS_PER_HOUR_PER_ADDRESS", "1000");

    @Override
    TestServer server() {
        return SERVER;
    }

    @Override
    MutableClock clock() {
        return CLOCK;
    }
}
