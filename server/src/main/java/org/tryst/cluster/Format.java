package org.tryst.cluster;

import java.util.List;
import org.tryst.protocol.ServerMessage;

/**
 * A transport's way of writing a message to many of its sockets: encoded once for them all, and
 * handed to each socket's thread in as few tasks as the transport can, since fan-out is where a
 * server spends its time.
 */
public interface Format {
    /** Writes the message to each of the sockets, all of which are this format's. */
    void write(ServerMessage message, List<Outbox> sockets);
}
