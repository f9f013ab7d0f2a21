package org.tryst;

import org.tryst.accounts.AccountRequests;
import org.tryst.board.BoardRequests;
import org.tryst.channels.ChannelRequests;
import org.tryst.cluster.Caller;
import org.tryst.consent.ConsentRequests;
import org.tryst.media.MediaRequests;
import org.tryst.moderation.ModerationRequests;
import org.tryst.personas.PersonaRequests;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;
import org.tryst.safety.SafetyRequests;
import org.tryst.scenes.SceneRequests;
import org.tryst.statuses.StatusRequests;
import org.tryst.wellbeing.WellbeingRequests;
import org.tryst.world.WorldRequests;

/** Which capability answers which group of requests: one line per capability. */
record Routes(AccountRequests accounts, PersonaRequests personas, ChannelRequests channels, SceneRequests scenes,
              ConsentRequests consent, SafetyRequests safety, ModerationRequests moderation, WorldRequests world, MediaRequests media,
              WellbeingRequests wellbeing, BoardRequests board, StatusRequests statuses) implements Handler<ClientMessage> {
    @Override
    public Answer answer(ClientMessage request, Caller caller) {
        return switch (request) {
            case ClientMessage.Hello _ -> throw new ProtocolException(ErrorCode.ALREADY_AUTHENTICATED, "this socket has already said hello");
            case ClientMessage.AccountRequest m -> accounts.answer(m, caller);
            case ClientMessage.PersonaRequest m -> personas.answer(m, caller);
            case ClientMessage.ChannelRequest m -> channels.answer(m, caller);
            case ClientMessage.SceneRequest m -> scenes.answer(m, caller);
            case ClientMessage.ConsentRequest m -> consent.answer(m, caller);
            case ClientMessage.SafetyRequest m -> safety.answer(m, caller);
            case ClientMessage.ModerationRequest m -> moderation.answer(m, caller);
            case ClientMessage.WorldRequest m -> world.answer(m, caller);
            case ClientMessage.MediaRequest m -> media.answer(m, caller);
            case ClientMessage.WellbeingRequest m -> wellbeing.answer(m, caller);
            case ClientMessage.BoardRequest m -> board.answer(m, caller);
            case ClientMessage.StatusRequest m -> statuses.answer(m, caller);
        };
    }
}
