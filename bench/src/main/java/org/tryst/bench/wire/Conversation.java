package org.tryst.bench.wire;

/**
 * One connection's conversation in one protocol: the handshake and joining a room, the frame that
 * publishes a payload to that room, and which of the server's frames are deliveries. Called only
 * from the connection's event loop.
 */
public interface Conversation {
    /** The WebSocket is open: sends whatever the protocol sends first. */
    void opened(Link link);

    /** Handles one text frame from the server. */
    void received(String frame, Link link);

    /** The text frame that publishes {@code payload} to this connection's room. */
    String publish(String payload);
}
