package org.tryst.safety;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.tryst.storage.Database;
import org.tryst.storage.Sql;

/**
 * Where the buckets of the limits that protect other people are kept: in this process's memory when
 * it is the only process on its database (SQLite), in the database when several processes share it
 * (PostgreSQL), so that an account's limit holds once across all of them rather than once per process.
 */
public sealed interface BucketStore permits BucketStore.InProcess, BucketStore.InDatabase {
    /** The store for a server on this database, counting time on the given clock. */
    static BucketStore of(Database database, Clock clock) {
        TimeMeter time = time(clock);
        if (!database.shared()) return new InProcess(time);
        // Select-for-update locks one row per call, where an advisory lock would cost one more round trip.
        PostgreSQLSelectForUpdateBasedProxyManager<String> proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database.dataSource())
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .clientClock(time)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        return new InDatabase(proxies, database.sql(), time);
    }

    /** Buckets up to {@code count} in any {@code period} under the limit's name, refilled evenly over it. */
    Buckets per(String limit, long count, Duration period);

    /**
     * Buckets of up to {@code burst} at once, refilled at {@code perSecond}, always in this process: for a
     * budget checked on every message, where a round trip to the database each would cost more than the
     * flood it guards against.
     */
    default Buckets perProcess(long perSecond, long burst) {
        return new LocalBuckets(burst, perSecond, Duration.ofSeconds(1), time());
    }

    /** The clock the buckets refill on. */
    TimeMeter time();

    /** A store in this process's memory, whatever the database. */
    static BucketStore inProcess(Clock clock) {
        return new InProcess(time(clock));
    }

    /** The store of a process alone on its database. */
    record InProcess(TimeMeter time) implements BucketStore {
        @Override
        public Buckets per(String limit, long count, Duration period) {
            return new LocalBuckets(count, count, period, time);
        }
    }

    /** The store of processes that share a PostgreSQL database, in its table {@code rate_limit_buckets}. */
    record InDatabase(PostgreSQLSelectForUpdateBasedProxyManager<String> proxies, Sql sql, TimeMeter time) implements BucketStore {
        /** Deleted at most this many at a time, so that a sweep never holds many rows locked at once. */
        private static final int SWEEP_BATCH = 1_000;

        @Override
        public Buckets per(String limit, long count, Duration period) {
            return new SharedBuckets(this, limit, count, period);
        }

        /** Deletes the rows of buckets that have refilled, which count the same as no row. */
        void removeFull() {
            sql.onDatabaseThread(() -> {
                int removed;
                do {
                    removed = proxies.removeExpired(SWEEP_BATCH);
                } while (removed == SWEEP_BATCH);
                return removed;
            });
        }
    }

    private static TimeMeter time(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
