package org.tryst.requests;

import org.tryst.cluster.Caller;
import org.tryst.protocol.ClientMessage;

/** One capability's answers to its own group of requests, which it switches over exhaustively. */
public interface Handler<M extends ClientMessage> {
    /** Answers a request that already passed every {@link Gate}; a refusal is a thrown {@code ProtocolException}. */
    Answer answer(M request, Caller caller);
}
