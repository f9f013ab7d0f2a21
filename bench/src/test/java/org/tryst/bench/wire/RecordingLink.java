package org.tryst.bench.wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A link that records what a conversation did, for tests; timers wait until the test runs them. */
final class RecordingLink implements Link {
    /** A delivery reported through the link. */
    record Delivery(long scheduledNanos, long arrivedNanos) {}

    final List<String> sent = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<Delivery> deliveries = new ArrayList<>();
    final List<Runnable> timers = new ArrayList<>();
    boolean ready;

    @Override
    public void send(String frame) {
        sent.add(frame);
    }

    @Override
    public void ready() {
        ready = true;
    }

    @Override
    public void failed(String reason) {
        failures.add(reason);
    }

    @Override
    public void delivered(long scheduledNanos, long arrivedNanos) {
        deliveries.add(new Delivery(scheduledNanos, arrivedNanos));
    }

    @Override
    public void later(Duration delay, Runnable work) {
        timers.add(work);
    }

    /** Runs the timers set so far, as if their time had come. */
    void fireTimers() {
        List<Runnable> due = List.copyOf(timers);
        timers.clear();
        due.forEach(Runnable::run);
    }

    String last() {
        return sent.getLast();
    }
}
