package org.tryst.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.storage.Database;

/** Rate-limit buckets on PostgreSQL: in the table every server process shares, which names no key in clear. */
class PostgresqlBucketStoreTest extends BucketStoreContract {
    @RegisterExtension
    static final TestServer server = TestServer.postgresql();

    @Override
    TestServer server() {
        return server;
    }

    @Override
    boolean sharedByProcesses() {
        return true;
    }

    @Override
    int remembered(Buckets buckets, String limit) throws SQLException {
        return ids(limit).size();
    }

    @Test
    void theTableKeepsAHashOfEachKeyNeverTheAddressOrName() throws SQLException {
        String limit = TestServer.uniqueName("limit");
        try (Database database = server.openDatabase()) {
            Buckets buckets = BucketStore.of(database, new MutableClock()).per(limit, 5, Duration.ofMinutes(1));
            buckets.take("203.0.113.7");
            buckets.take("Some.Username");
        }
        assertThat(ids(limit)).hasSize(2).allSatisfy(id -> assertThat(id)
                .matches(limit + ":[0-9a-f]{64}").doesNotContain("203.0.113.7").doesNotContainIgnoringCase("username"));
    }

    private static List<String> ids(String limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (var connection = server.database();
             var statement = connection.prepareStatement("SELECT id FROM rate_limit_buckets WHERE id LIKE ?")) {
            statement.setString(1, limit + ":%");
            try (var rows = statement.executeQuery()) {
                while (rows.next()) ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
