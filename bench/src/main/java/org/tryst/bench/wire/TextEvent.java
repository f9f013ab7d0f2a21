package org.tryst.bench.wire;

/**
 * What a load connection's framing tells its {@link Client} besides the text it carries: the
 * connection is open for the conversation to begin, or the server closed it, saying why.
 */
sealed interface TextEvent {
    /** The one {@link Opened}: it carries nothing. */
    TextEvent OPENED = new Opened();

    /** The WebSocket handshake is done, or the telnet connection is up. */
    record Opened() implements TextEvent {}

    /** The server closed the connection with a reason (a WebSocket close frame). */
    record Closed(String reason) implements TextEvent {}
}
