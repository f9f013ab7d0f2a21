package org.tryst.consent;

import org.tryst.cluster.Caller;
import org.tryst.personas.Acting;
import org.tryst.protocol.ClientMessage.*;
import org.tryst.protocol.ServerMessage;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;

/** Answers the requests about the boundaries catalogue and each persona's answers to it. */
public final class ConsentRequests implements Handler<ConsentRequest> {
    private final Boundaries boundaries;
    private final Acting acting;

    public ConsentRequests(Boundaries boundaries, Acting acting) {
        this.boundaries = boundaries;
        this.acting = acting;
    }

    @Override
    public Answer answer(ConsentRequest request, Caller caller) {
        return Answer.now(switch (request) {
            case CatalogueShow m -> new ServerMessage.Catalogue(m.id(), boundaries.catalogue().topics(), boundaries.defaultSafeword());
            case BoundariesShow m -> new ServerMessage.BoundariesInfo(m.id(), boundaries.show(acting.visible(caller, m.persona())));
            case BoundariesSet m -> new ServerMessage.BoundariesInfo(m.id(),
                    boundaries.set(acting.mine(caller, m.persona()), m.answers(), m.notes()));
        });
    }
}
