package org.tryst.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes items in batches: whatever arrived while one batch was being written (and synced) goes
 * into the next, so a busy server pays one transaction and one sync for many items instead of one
 * each. Each item's future completes once the batch holding it is written.
 */
public final class GroupCommit<T> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Pending<T>(T item, CompletableFuture<Void> written) {}

    private final String name;
    private final int maxBatch;
    private final Consumer<List<T>> write;
    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    /** Starts a writer that hands {@code write} up to {@code maxBatch} items at a time, in the order they came. */
    public GroupCommit(String name, int maxBatch, Consumer<List<T>> write) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.write = write;
        this.writer = Thread.ofVirtual().name(name).start(this::run);
    }

    /** Queues the item for the next batch; the future completes once it is written. */
    public CompletableFuture<Void> submit(T item) {
        if (!writer.isAlive()) throw new IllegalStateException("the " + name + " has stopped");
        Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
        queue.add(pending);
        return pending.written;
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>(maxBatch);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException stopping) {
            queue.drainTo(batch);
            batch.forEach(pending -> pending.written.completeExceptionally(new IllegalStateException("the server is stopping")));
        }
    }

    private void write(List<Pending<T>> batch) {
        try {
            write.accept(batch.stream().map(Pending::item).toList());
            batch.forEach(pending -> pending.written.complete(null));
        } catch (RuntimeException failed) {
            log.atError().setCause(failed).addKeyValue("writer", name).addKeyValue("items", batch.size()).log("a batched write failed");
            batch.forEach(pending -> pending.written.completeExceptionally(failed));
        }
    }

    /** Stops taking items once those queued are written. */
    @Override
    public void close() {
        writer.interrupt();
        try {
            writer.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
