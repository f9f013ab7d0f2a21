package org.tryst;

import static org.tryst.ReadinessTest.assertAlive;
import static org.tryst.ReadinessTest.assertNotReady;
import static org.tryst.ReadinessTest.assertReady;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Readiness on PostgreSQL, with a cluster of the test's own that it stops. */
class PostgresqlReadinessTest {
    private static final EmbeddedPostgres.Own CLUSTER = EmbeddedPostgres.ownCluster();
    @RegisterExtension
    static final TestServer SERVER = TestServer.postgresql(CLUSTER.database());

    @AfterAll
    static void removeCluster() {
        CLUSTER.close();
    }

    @Test
    void aStoppedDatabaseIsNotReadyWithinASecondButTheServerIsAlive() {
        assertReady(SERVER);
        CLUSTER.close();
        assertNotReady(SERVER, "the database did not take a write within 1000 ms");
        assertAlive(SERVER);
        assertNotReady(SERVER, "the database did not take a write within 1000 ms");
    }
}
