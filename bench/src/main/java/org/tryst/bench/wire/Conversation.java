package org.tryst.bench.wire;

import io.netty.buffer.ByteBuf;

/**
 * One connection's conversation in one protocol: the handshake and joining a room, the frame that
 * publishes a payload to that room, and which of the server's frames are deliveries. A frame is a
 * WebSocket text frame, or a line over telnet. Called only from the connection's event loop.
 */
public interface Conversation {
    /** The connection is open (the WebSocket's handshake done): sends whatever the protocol sends first. */
    void opened(Link link);

    /**
     * The scheduled send time of a delivery, read from the frame's bytes without decoding them, or
     * -1 when the frame is not a delivery and should go to {@link #received}.
     */
    long delivery(ByteBuf frame);

    /** Handles one text frame from the server that is not a delivery. */
    void received(String frame, Link link);

    /** The text frame that publishes {@code payload} to this connection's room. */
    String publish(String payload);
}
