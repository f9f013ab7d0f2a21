package org.tryst.storage;

import java.time.Clock;
import java.util.HexFormat;

/**
 * Message ids whose order is time order: 26 hex characters of milliseconds, a sequence within the
 * millisecond, and 40 random bits that keep the ids of different server processes apart. Ids from
 * one generator never go backwards, even when the clock does.
 */
public final class TimeOrderedIds {
    private final Clock clock;
    private long lastMillis;
    private int sequence;

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    /** The next id. */
    public synchronized String next() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            sequence = 0;
        } else if (++sequence > 0xffff) {
            lastMillis++;
            sequence = 0;
        }
        return String.format("%012x%04x", lastMillis, sequence) + HexFormat.of().formatHex(Ids.bytes(5));
    }
}
