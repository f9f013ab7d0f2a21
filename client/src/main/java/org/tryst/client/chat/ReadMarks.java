package org.tryst.client.chat;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Marks read the newest channel line shown live, on the persona's other devices too: at most once a
 * second, away from the thread that shows events (a mark is a request that waits for its answer),
 * and a mark that fails is dropped, since the next one, or entering the channel, marks it again.
 */
final class ReadMarks {
    private static final long DELAY_MILLIS = 1_000;

    private final Backend backend;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("read-marks").factory());
    /** The newest line shown and not yet marked: persona, channel, line; null when none waits. */
    private record Mark(String persona, String channel, String message) {}

    private Mark waiting;

    ReadMarks(Backend backend) {
        this.backend = backend;
    }

    /** A line of a channel was shown to the persona there. */
    synchronized void shown(String persona, String channel, String message) {
        boolean scheduled = waiting != null;
        waiting = new Mark(persona, channel, message);
        if (!scheduled) sender.schedule(this::send, DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void send() {
        Mark mark;
        synchronized (this) {
            mark = waiting;
            waiting = null;
        }
        if (mark == null) return;
        try {
            backend.markRead(mark.persona(), mark.channel(), mark.message());
        } catch (RuntimeException ignored) {
            // The next line shown, or entering the channel again, marks it.
        }
    }
}
