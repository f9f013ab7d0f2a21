package org.tryst.gateway;

import io.netty.channel.Channel;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket's requests, whatever its transport: run one at a time, in order, on virtual threads;
 * past {@code maxPending} waiting, the socket stops reading until half have run. A close waits for
 * the replies still owed for requests already handled (those answered once a write is durable).
 */
public final class Requests {
    private static final Logger log = LoggerFactory.getLogger(Requests.class);

    private final Channel channel;
    private final Executor executor;
    private final int maxPending;
    private final String logId;
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private int owed;
    private Runnable closeWhenAnswered;

    public Requests(Channel channel, Executor executor, int maxPending) {
        this.channel = channel;
        this.executor = executor;
        this.maxPending = maxPending;
        this.logId = channel.id().asShortText();
    }

    /** Runs a request after the ones before it. */
    public void submit(Runnable request) {
        inbox.add(request);
        int waiting = pending.incrementAndGet();
        if (waiting > maxPending) channel.config().setAutoRead(false);
        if (waiting == 1) executor.execute(this::drain);
    }

    /** A reply that comes when {@code reply} completes; a close waits until it has been sent. */
    public void owe(CompletableFuture<?> reply) {
        synchronized (this) {
            owed++;
        }
        reply.whenComplete((sent, failure) -> answered());
    }

    /** Runs {@code closing} now, or once every reply owed is sent. */
    public void closeWhenAnswered(Runnable closing) {
        synchronized (this) {
            if (owed > 0) {
                if (closeWhenAnswered == null) closeWhenAnswered = closing;
                return;
            }
        }
        closing.run();
    }

    private void answered() {
        Runnable closing;
        synchronized (this) {
            if (--owed > 0 || closeWhenAnswered == null) return;
            closing = closeWhenAnswered;
            closeWhenAnswered = null;
        }
        closing.run();
    }

    private void drain() {
        do {
            run(inbox.poll());
            if (pending.get() == maxPending / 2) channel.config().setAutoRead(true);
        } while (pending.decrementAndGet() > 0);
        if (!channel.config().isAutoRead()) channel.config().setAutoRead(true);
    }

    /** Runs one request; one that fails must not stop the requests behind it. */
    private void run(Runnable request) {
        try {
            request.run();
        } catch (RuntimeException failure) {
            log.atError().addKeyValue("connection", logId).setCause(failure).log("socket task failed");
        }
    }
}
