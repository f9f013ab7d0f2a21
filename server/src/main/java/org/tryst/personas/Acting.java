package org.tryst.personas;

import org.tryst.cluster.Caller;
import org.tryst.cluster.Visibility;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;

/**
 * The checks a capability asks for on the personas a request names: one of the caller's own, and
 * not banned; or someone else's, unless that persona's account blocked the caller.
 */
public final class Acting {
    private final Personas personas;
    private final Standing standing;
    private final Visibility visibility;

    public Acting(Personas personas, Standing standing, Visibility visibility) {
        this.personas = personas;
        this.standing = standing;
        this.visibility = visibility;
    }

    /** One of the caller's personas, unless a moderator banned it. */
    public Persona mine(Caller caller, String personaId) {
        Persona persona = personas.owned(caller.accountId(), personaId);
        standing.requireUsable(persona.id());
        return persona;
    }

    /**
     * A persona whose account blocked the caller is, to the caller, a persona that does not exist:
     * refused with the very error an unknown one gets, {@code absent}.
     */
    public Persona visible(Caller caller, Persona persona, String absent) {
        if (visibility.hiddenByNow(caller.accountId(), caller.personasInUse(), persona.id())) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, absent);
        }
        return persona;
    }

    /** A persona by id, as {@link #visible(Caller, Persona, String)} lets the caller see it. */
    public Persona visible(Caller caller, String personaId) {
        String absent = "no such persona";
        return visible(caller, personas.byId(personaId).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, absent)), absent);
    }
}
