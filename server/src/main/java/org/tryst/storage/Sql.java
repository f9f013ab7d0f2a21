package org.tryst.storage;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * The way into the database: Jdbi's handle and transaction calls, run on the database's own
 * platform threads, one per connection. A JDBC driver blocks inside native code or sockets, which
 * would hold a virtual thread's carrier for the whole call (an SQLite commit waits for the disk);
 * here the caller's virtual thread parks instead, and the server keeps serving while the disk syncs.
 */
public final class Sql implements AutoCloseable {
    private final Jdbi jdbi;
    private final ExecutorService threads;
    private final Set<Thread> databaseThreads = ConcurrentHashMap.newKeySet();

    Sql(Jdbi jdbi, int connections) {
        this.jdbi = jdbi;
        ThreadFactory platform = Thread.ofPlatform().name("database-", 0).daemon().factory();
        this.threads = Executors.newFixedThreadPool(connections, work -> {
            Thread thread = platform.newThread(work);
            databaseThreads.add(thread);
            return thread;
        });
    }

    public <R> R withHandle(HandleCallback<R, RuntimeException> callback) {
        return run(() -> jdbi.withHandle(callback));
    }

    public void useHandle(HandleConsumer<RuntimeException> consumer) {
        run(() -> {
            jdbi.useHandle(consumer);
            return null;
        });
    }

    public <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
        return run(() -> jdbi.inTransaction(callback));
    }

    public void useTransaction(HandleConsumer<RuntimeException> consumer) {
        run(() -> {
            jdbi.useTransaction(consumer);
            return null;
        });
    }

    /**
     * Runs work that takes its own connections from the pool (a library handed the pool rather than
     * a handle) on a database thread, like every other call; it must not be called inside a handle,
     * which would hold a second connection.
     */
    public <R> R onDatabaseThread(Supplier<R> work) {
        return run(work::get);
    }

    private <R> R run(Callable<R> work) {
        // A call made from inside another (a store calling a store) runs where it is.
        if (databaseThreads.contains(Thread.currentThread())) return call(work);
        Future<R> result = threads.submit(work);
        try {
            return result.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) throw cause;
            if (failed.getCause() instanceof Error cause) throw cause;
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", interrupted);
        }
    }

    private static <R> R call(Callable<R> work) {
        try {
            return work.call();
        } catch (RuntimeException | Error passOn) {
            throw passOn;
        } catch (Exception checked) {
            throw new IllegalStateException(checked);
        }
    }

    @Override
    public void close() {
        threads.shutdown();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
