package org.tryst.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.protocol.Views;

/**
 * Writes channel messages with group commit: whatever arrived while one transaction was being
 * synced to disk goes into the next, so a busy server pays one sync for many messages instead of
 * one each. Callers acknowledge a message only once {@link #submit}'s future completes, so an
 * acknowledged message is never lost.
 */
final class HistoryWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);
    private static final int MAX_BATCH = 512;

    private record Pending(Views.Message message, CompletableFuture<Void> stored) {}

    private final ChannelStore store;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    HistoryWriter(ChannelStore store) {
        this.store = store;
        this.writer = Thread.ofVirtual().name("history-writer").start(this::run);
    }

    /** Queues the message for the next transaction; the future completes once it is durable. */
    CompletableFuture<Void> submit(Views.Message message) {
        if (!writer.isAlive()) throw new IllegalStateException("the history writer has stopped");
        Pending pending = new Pending(message, new CompletableFuture<>());
        queue.add(pending);
        return pending.stored;
    }


    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException stopping) {
            queue.drainTo(batch);
            batch.forEach(pending -> pending.stored.completeExceptionally(new IllegalStateException("the server is stopping")));
        }
    }

    private void write(List<Pending> batch) {
        try {
            store.appendAll(batch.stream().map(Pending::message).toList());
            batch.forEach(pending -> pending.stored.complete(null));
        } catch (RuntimeException failed) {
            log.atError().setCause(failed).addKeyValue("messages", batch.size()).log("storing channel messages failed");
            batch.forEach(pending -> pending.stored.completeExceptionally(failed));
        }
    }

    /** Stops taking messages once those queued are written. */
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
