package org.tryst.bench.wire;

/** What a {@link Conversation} can do on its connection: send, and report how the connection is doing. */
public interface Link {
    /** Sends one text frame now. */
    void send(String frame);

    /** The connection has finished its handshake and joined its room. */
    void ready();

    /** The server refused something; the connection is counted as an error. */
    void failed(String reason);
}
