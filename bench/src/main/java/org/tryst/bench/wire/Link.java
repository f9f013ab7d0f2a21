package org.tryst.bench.wire;

import java.time.Duration;

/** What a {@link Conversation} can do on its connection: send, and report how the connection is doing. */
public interface Link {
    /** Sends one text frame (a line, over telnet) now. */
    void send(String frame);

    /** The connection has finished its handshake and joined its room. */
    void ready();

    /** The server refused something; the connection is counted as an error. */
    void failed(String reason);

    /**
     * A delivery the frame alone could not date: one whose scheduled send time was learnt from
     * another frame, before or after it arrived at {@code arrivedNanos}.
     */
    void delivered(long scheduledNanos, long arrivedNanos);

    /** Runs {@code work} on the connection's event loop after {@code delay}, as a client's timer would. */
    void later(Duration delay, Runnable work);
}
