package org.tryst.statuses;

import org.tryst.channels.Channels;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Caller;
import org.tryst.personas.Acting;
import org.tryst.personas.Persona;
import org.tryst.protocol.ClientMessage.*;
import org.tryst.protocol.ServerMessage;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;
import org.tryst.world.WorldPlay;

/** Answers the requests about statuses, the looking list and typing, each as one of the caller's own personas. */
public final class StatusRequests implements Handler<StatusRequest> {
    private final Statuses statuses;
    private final Typing typing;
    private final Acting acting;
    private final Channels channels;
    private final WorldPlay play;

    public StatusRequests(Statuses statuses, Typing typing, Acting acting, Channels channels, WorldPlay play) {
        this.statuses = statuses;
        this.typing = typing;
        this.acting = acting;
        this.channels = channels;
        this.play = play;
    }

    @Override
    public Answer answer(StatusRequest request, Caller caller) {
        return switch (request) {
            case StatusSet m -> Answer.now(new ServerMessage.PersonaInfo(m.id(),
                    statuses.choose(acting.mine(caller, m.persona()), m.status(), m.statusLine()).view()));
            case LookingList m -> Answer.now(new ServerMessage.Looking(m.id(), statuses.looking(caller.accountId())));
            case TypingNow m -> {
                Persona persona = acting.mine(caller, m.persona());
                if (m.channel() != null) {
                    channels.requireMember(persona, m.channel());
                    typing.typing(persona, new Audience.Channel(m.channel()), m.channel(), null, m.typing());
                } else {
                    play.requireIn(persona, m.room());
                    typing.typing(persona, new Audience.Room(m.room()), null, m.room(), m.typing());
                }
                yield Answer.ok(m.id());
            }
            case TypingShare m -> {
                typing.share(caller.accountId(), m.share());
                yield Answer.ok(m.id());
            }
        };
    }
}
