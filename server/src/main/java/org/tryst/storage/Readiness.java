package org.tryst.storage;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database takes a write now, the answer behind {@code /readyz}: a read can succeed on
 * a full disk, a write cannot. One check runs at a time and gets {@link #PATIENCE}; probes that come
 * while it runs wait on it, rather than piling more work behind a database that does not answer.
 */
public final class Readiness {
    /** How long a check waits for the database before calling it unready. */
    public static final Duration PATIENCE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(Readiness.class);

    private final Sql sql;
    private final Clock clock;
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    public Readiness(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Why the database is not ready, or empty when it took the write. */
    public Optional<String> unready() {
        try {
            write().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException slow) {
            return Optional.of("the database did not take a write within " + PATIENCE.toMillis() + " ms");
        } catch (ExecutionException failed) {
            log.atWarn().setCause(failed.getCause()).log("the readiness check's write failed");
            return Optional.of("the database refused a write");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.of("the server is stopping");
        }
    }

    /** The check under way, or a new one when none is. */
    private synchronized CompletableFuture<Void> write() {
        if (running.isDone()) {
            running = CompletableFuture.runAsync(() -> sql.useHandle(handle -> handle.createUpdate("""
                            INSERT INTO readiness (name, checked_at) VALUES ('server', :now)
                            ON CONFLICT (name) DO UPDATE SET checked_at = excluded.checked_at""")
                    .bind("now", clock.millis()).execute()), Thread::startVirtualThread);
        }
        return running;
    }
}
