package org.tryst.bench.wire;

import java.util.ArrayList;
import java.util.List;

/** A link that records what a conversation did, for tests. */
final class RecordingLink implements Link {
    final List<String> sent = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
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

    String last() {
        return sent.getLast();
    }
}
