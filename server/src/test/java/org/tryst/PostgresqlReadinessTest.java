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

    /** A stopped server refuses connections at once on a quiet machine, or lets the pool's wait run out on a busy one. */
    private static final String STOPPED = "the database did not take a write within 1000 ms";
    private static final String REFUSED = "the database refused a write";

    @Test
    void aStoppedDatabaseIsNotReadyWithinASecondButTheServerIsAlive() {
        assertReady(SERVER);
        CLUSTER.close();
        assertNotReady(SERVER, STOPPED, REFUSED);
        assertAlive(SERVER);
        assertNotReady(SERVER, STOPPED, REFUSED);
    }
}
