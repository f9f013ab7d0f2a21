package org.tryst.cluster;

import org.tryst.protocol.ServerMessage;

/** A live socket of some transport, as delivery sees it: where messages for it are written, and how it is closed. */
public interface Outbox {
    /** How this socket's transport writes one message to many of its sockets. */
    Format format();

    /** Writes one message to this socket alone, after what was written to it before. */
    void send(ServerMessage message);

    /** Sends {@code last} (null: nothing) and closes, once the replies this socket is owed are sent. */
    void close(ServerMessage last, int code, String reason);

    /** A short id for logs, which never names the account. */
    String logId();
}
