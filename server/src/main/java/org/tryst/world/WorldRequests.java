package org.tryst.world;

import org.tryst.cluster.Caller;
import org.tryst.protocol.ClientMessage.WorldRequest;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;

/** Answers the requests of the text world: entering it, its command lines, and leaving it. */
public final class WorldRequests implements Handler<WorldRequest> {
    @Override
    public Answer answer(WorldRequest request, Caller caller) {
        throw new ProtocolException(ErrorCode.UNKNOWN_COMMAND, "the world is not open yet");
    }
}
