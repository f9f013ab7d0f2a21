package org.tryst.personas;

import java.util.List;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;

/**
 * Deleting a persona: every capability that holds something of it (scenes, channels) lets go first,
 * every socket on every process stops using it, and then it goes with its messages.
 */
public final class PersonaDeletion {
    /** A capability that holds a persona's memberships or messages. */
    public interface Holder {
        /** Takes the persona out of everything this capability holds, telling the others there. */
        void forget(Persona persona);
    }

    private final Personas personas;
    private final Delivery delivery;
    private final List<Holder> holders;

    public PersonaDeletion(Personas personas, Delivery delivery, List<Holder> holders) {
        this.personas = personas;
        this.delivery = delivery;
        this.holders = List.copyOf(holders);
    }

    /** Deletes the persona, after everything that holds it let go. */
    public void delete(Persona persona) {
        holders.forEach(holder -> holder.forget(persona));
        delivery.publish(new Event.Release(persona.id()));
        personas.delete(persona.id());
    }
}
