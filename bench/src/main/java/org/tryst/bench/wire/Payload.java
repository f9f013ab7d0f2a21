package org.tryst.bench.wire;

import io.netty.buffer.ByteBuf;

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

    /**
     * The scheduled send time stamped in a frame's bytes, or -1 when it carries no payload: the
     * generator's hot path, which reads every delivery without making a string of it.
     */
    public static long scheduledAt(ByteBuf frame) {
        int end = frame.writerIndex();
        int marker = frame.indexOf(frame.readerIndex(), end, (byte) 'b');
        while (marker >= 0 && marker + 1 < end && frame.getByte(marker + 1) != '|') {
            marker = frame.indexOf(marker + 1, end, (byte) 'b');
        }
        if (marker < 0 || marker + 1 >= end) return -1;
        int time = frame.indexOf(marker + 2, end, (byte) '|') + 1;
        if (time <= 0) return -1;
        long nanos = 0;
        for (int at = time; at < end; at++) {
            byte digit = frame.getByte(at);
            if (digit == '|') return nanos;
            if (digit < '0' || digit > '9') return -1;
            nanos = nanos * 10 + (digit - '0');
        }
        return -1;
    }

    /** Whether the frame's bytes start with {@code prefix} (ASCII). */
    public static boolean startsWith(ByteBuf frame, String prefix) {
        if (frame.readableBytes() < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (frame.getByte(frame.readerIndex() + i) != prefix.charAt(i)) return false;
        }
        return true;
    }
}
