package org.tryst.requests;

import java.util.concurrent.CompletableFuture;
import org.tryst.protocol.ServerMessage;

/**
 * What a capability answers a request with. The capability never writes to the socket itself: the
 * dispatcher sends the answer on whichever transport the request came from.
 */
public sealed interface Answer {
    /** The reply, at once. */
    record Now(ServerMessage reply) implements Answer {}

    /** The reply once a write is durable; the socket's next requests are not held up meanwhile. */
    record Later(CompletableFuture<? extends ServerMessage> reply) implements Answer {}

    /** A last reply, then the socket closes (its own session ended). */
    record Closing(ServerMessage last, int code, String reason) implements Answer {}

    /** The capability replies through delivery, in order with the pushes the request starts. */
    record Delivered() implements Answer {}

    /** The reply, at once. */
    static Answer now(ServerMessage reply) {
        return new Now(reply);
    }

    /** The request's plain acknowledgement. */
    static Answer ok(String requestId) {
        return new Now(new ServerMessage.Ok(requestId));
    }
}
