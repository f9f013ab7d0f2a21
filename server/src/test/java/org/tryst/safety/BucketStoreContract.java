package org.tryst.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.storage.Database;

/**
 * The token buckets of shared limits, run by a SQLite and a PostgreSQL subclass: the same counts and
 * waits in both, and, where several processes may share the database, one count across them. Each
 * test opens the server's database twice, as two server processes would.
 */
abstract class BucketStoreContract {
    private final MutableClock clock = new MutableClock();
    private Database first;
    private Database second;

    abstract TestServer server();

    /** Whether two processes on this database count against one limit (PostgreSQL) or each alone (SQLite, one process's memory). */
    abstract boolean sharedByProcesses();

    /** How many keys of the limit's buckets are remembered, in memory or in the database. */
    abstract int remembered(Buckets buckets, String limit) throws SQLException;

    @BeforeEach
    void open() {
        first = server().openDatabase();
        second = server().openDatabase();
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void aLimitAdmitsItsCountInAPeriodThenSaysHowLongToWaitAndKeysAndLimitsAreApart() {
        String limit = limit();
        Buckets buckets = BucketStore.of(first, clock).per(limit, 3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) assertThat(buckets.take("alice")).isZero();
        // One token comes back every 20 seconds.
        assertThat(buckets.take("alice")).isPositive().isLessThanOrEqualTo(20_000);
        assertThat(buckets.wait("alice")).isPositive().isLessThanOrEqualTo(20_000);
        assertThat(buckets.take("bob")).isZero();
        assertThat(BucketStore.of(first, clock).per(limit(), 3, Duration.ofMinutes(1)).take("alice")).isZero();
    }

    @Test
    void waitingTakesNothingAndATokenGivenBackCanBeTakenAgain() {
        Buckets buckets = BucketStore.of(first, clock).per(limit(), 2, Duration.ofHours(1));
        for (int i = 0; i < 5; i++) assertThat(buckets.wait("carol")).isZero();
        assertThat(buckets.take("carol")).isZero();
        assertThat(buckets.take("carol")).isZero();
        buckets.giveBack("carol");
        assertThat(buckets.take("carol")).isZero();
        assertThat(buckets.take("carol")).isPositive();
        // A bucket never holds more than its capacity, however much is given back.
        Buckets other = BucketStore.of(first, clock).per(limit(), 2, Duration.ofHours(1));
        for (int i = 0; i < 3; i++) other.giveBack("dan");
        for (int i = 0; i < 2; i++) assertThat(other.take("dan")).isZero();
        assertThat(other.take("dan")).isPositive();
    }

    @Test
    void spentTokensComeBackEvenlyOverThePeriod() {
        Buckets buckets = BucketStore.of(first, clock).per(limit(), 3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) buckets.take("erin");
        assertThat(buckets.take("erin")).isPositive();
        clock.advance(Duration.ofSeconds(20));
        assertThat(buckets.take("erin")).isZero();
        assertThat(buckets.take("erin")).isPositive();
    }

    @Test
    void twoProcessesCountAgainstOneLimitWhenTheyShareTheDatabase() {
        String limit = limit();
        Buckets here = BucketStore.of(first, clock).per(limit, 4, Duration.ofMinutes(1));
        Buckets there = BucketStore.of(second, clock).per(limit, 4, Duration.ofMinutes(1));
        for (int i = 0; i < 2; i++) {
            assertThat(here.take("frank")).isZero();
            assertThat(there.take("frank")).isZero();
        }
        if (sharedByProcesses()) {
            assertThat(here.take("frank")).isPositive();
            assertThat(there.take("frank")).isPositive();
        } else {
            assertThat(here.take("frank")).isZero();
            assertThat(there.take("frank")).isZero();
        }
    }

    @Test
    void manyTakesAtOnceFromTwoProcessesNeverAdmitMoreThanTheLimit() throws Exception {
        String limit = limit();
        List<Buckets> processes = new ArrayList<>(List.of(BucketStore.of(first, clock).per(limit, 20, Duration.ofHours(1))));
        if (sharedByProcesses()) processes.add(BucketStore.of(second, clock).per(limit, 20, Duration.ofHours(1)));
        List<Future<Long>> takes = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 60; i++) {
                Buckets buckets = processes.get(i % processes.size());
                takes.add(threads.submit(() -> buckets.take("gina")));
            }
        }
        long admitted = 0;
        for (Future<Long> take : takes) {
            if (wait(take) == 0) admitted++;
        }
        assertThat(admitted).isEqualTo(20);
    }

    @Test
    void bucketsThatHaveRefilledAreForgottenAndBehaveAsNew() throws SQLException {
        String limit = limit();
        // The database deletes rows by the system clock, so this one refills in real time, and quickly.
        Buckets buckets = BucketStore.of(first, Clock.systemUTC()).per(limit, 1, Duration.ofMillis(200));
        assertThat(buckets.take("hana")).isZero();
        assertThat(remembered(buckets, limit)).isOne();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            buckets.forgetFull();
            assertThat(remembered(buckets, limit)).isZero();
        });
        assertThat(buckets.take("hana")).isZero();
    }

    private static String limit() {
        return TestServer.uniqueName("limit");
    }

    private static long wait(Future<Long> take) throws InterruptedException, ExecutionException {
        return take.get();
    }
}
