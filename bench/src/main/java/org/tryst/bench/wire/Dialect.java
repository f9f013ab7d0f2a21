package org.tryst.bench.wire;

import java.io.IOException;
import java.net.URI;

/** How to speak to one kind of server: where each connection connects, and a conversation per connection. */
public sealed interface Dialect permits TrystDialect, SceneDialect, SocketIoDialect, XmppDialect {
    /** Where connection {@code index} connects: a WebSocket URI, or {@code telnet://host:port} for a telnet connection. */
    URI endpoint(int index);

    /** The WebSocket subprotocol to ask for, or null. */
    String subprotocol();

    /**
     * Makes whatever the first {@code connections} connections need before they can connect, such
     * as accounts; not part of what is timed. Nothing by default.
     */
    default void prepare(int connections) throws IOException, InterruptedException {}

    /**
     * Prepares connection {@code index} to join {@code room}. May block (Tryst fetches a ticket over
     * HTTP here, as its clients do before every connect); runs on a virtual thread.
     */
    Conversation open(int index, String room) throws IOException, InterruptedException;
}
