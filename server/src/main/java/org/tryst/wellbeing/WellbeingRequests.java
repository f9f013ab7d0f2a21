package org.tryst.wellbeing;

import org.tryst.cluster.Caller;
import org.tryst.protocol.ClientMessage.WellbeingExclude;
import org.tryst.protocol.ClientMessage.WellbeingRequest;
import org.tryst.protocol.ClientMessage.WellbeingSet;
import org.tryst.protocol.ClientMessage.WellbeingShow;
import org.tryst.protocol.CloseCodes;
import org.tryst.protocol.ServerMessage;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;

/** Answers a person's requests about their own limits; nobody else's are reachable from here. */
public final class WellbeingRequests implements Handler<WellbeingRequest> {
    private final Wellbeing wellbeing;

    public WellbeingRequests(Wellbeing wellbeing) {
        this.wellbeing = wellbeing;
    }

    @Override
    public Answer answer(WellbeingRequest request, Caller caller) {
        return switch (request) {
            case WellbeingShow m -> Answer.now(new ServerMessage.WellbeingInfo(m.id(), wellbeing.show(caller.accountId())));
            case WellbeingSet m -> Answer.now(new ServerMessage.WellbeingInfo(m.id(), wellbeing.set(caller.accountId(), m)));
            case WellbeingExclude m -> {
                var refusal = wellbeing.exclude(caller.accountId(), m.period(), caller.id());
                yield new Answer.Closing(new ServerMessage.WellbeingInfo(m.id(), wellbeing.show(caller.accountId())), CloseCodes.SESSION_ENDED,
                        refusal.code().wire());
            }
        };
    }
}
