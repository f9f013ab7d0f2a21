package org.tryst.cluster;

import org.tryst.protocol.ServerMessage;

/**
 * How a message looks to one recipient, where that differs between recipients (in a recognition
 * world, strangers appear by their short descriptions): applied where the message is delivered, so
 * that a capability publishes once and each process shows it through its own up-to-date memory.
 */
public interface Lens {
    /** Whether the message may look different to different recipients; only those go through {@link #seenBy}. */
    boolean concerns(ServerMessage message);

    /** The message as the account, acting as the persona (null: none in particular), sees it. */
    ServerMessage seenBy(ServerMessage message, String account, String persona);
}
