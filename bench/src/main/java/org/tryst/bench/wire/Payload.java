package org.tryst.bench.wire;

/**
 * The body of every benchmark message, the same for all systems: a marker, a sequence number and
 * the time it was scheduled to be sent, padded to {@link #SIZE} characters. Receivers find the
 * marker in whatever framing the protocol wraps around it.
 */
public final class Payload {
    public static final int SIZE = 64;
    private static final String MARKER = "b|";

    private Payload() {}

    /** A body for message {@code sequence}, scheduled at {@code scheduledNanos} on this process's clock. */
    public static String stamp(long sequence, long scheduledNanos) {
        StringBuilder body = new StringBuilder(SIZE).append(MARKER).append(sequence).append('|').append(scheduledNanos).append('|');
        while (body.length() < SIZE) body.append('x');
        return body.toString();
    }

    /** The scheduled send time stamped in a frame, or -1 when the frame carries no payload. */
    public static long scheduledAt(String frame) {
        int marker = frame.indexOf(MARKER);
        if (marker < 0) return -1;
        int time = frame.indexOf('|', marker + MARKER.length()) + 1;
        int end = frame.indexOf('|', time);
        if (time == 0 || end < 0) return -1;
        try {
            return Long.parseLong(frame, time, end, 10);
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }
}
