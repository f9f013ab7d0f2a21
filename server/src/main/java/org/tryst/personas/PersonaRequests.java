package org.tryst.personas;

import java.util.Base64;
import java.util.function.Consumer;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Online;
import org.tryst.protocol.ClientMessage.*;
import org.tryst.protocol.ServerMessage;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;

/** Answers the requests about the caller's personas, and looks up other people's. */
public final class PersonaRequests implements Handler<PersonaRequest> {
    private final Personas personas;
    private final Avatars avatars;
    private final PersonaDeletion deletion;
    private final Acting acting;
    /** Shows a persona's new picture (or its absence) where others see the persona: its channels. */
    private final Consumer<Persona> pictureChanged;
    private final Online online;

    public PersonaRequests(Personas personas, Avatars avatars, PersonaDeletion deletion, Acting acting, Consumer<Persona> pictureChanged,
                           Online online) {
        this.personas = personas;
        this.avatars = avatars;
        this.deletion = deletion;
        this.acting = acting;
        this.pictureChanged = pictureChanged;
        this.online = online;
    }

    @Override
    public Answer answer(PersonaRequest request, Caller caller) {
        String account = caller.accountId();
        return switch (request) {
            case PersonaCreate m -> Answer.now(new ServerMessage.PersonaInfo(m.id(), personas.create(account, m).view()));
            case PersonaUpdate m -> Answer.now(new ServerMessage.PersonaInfo(m.id(), personas.update(account, m).view()));
            case PersonaDelete m -> {
                deletion.delete(personas.owned(account, m.persona()));
                yield Answer.ok(m.id());
            }
            case AvatarSet m -> {
                Persona persona = acting.mine(caller, m.persona());
                Persona now = m.image() == null ? avatars.clear(persona) : avatars.set(persona, Base64.getDecoder().decode(m.image()));
                pictureChanged.accept(now);
                yield Answer.now(new ServerMessage.PersonaInfo(m.id(), now.view()));
            }
            case PersonaList m -> Answer.now(new ServerMessage.Personas(m.id(), personas.of(account).stream().map(Persona::view).toList()));
            case PersonaShow m -> {
                Persona shown = acting.visible(caller, personas.named(m.name()), "no persona of that name");
                yield Answer.now(new ServerMessage.PersonaInfo(m.id(), shown.viewWhile(online.presence(shown.id()))));
            }
        };
    }
}
