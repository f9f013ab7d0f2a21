package org.tryst.world;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;

/**
 * Whether each persona is in the world and in which room, as this process last read it, so that a
 * line said in a room costs no query: every change made on any process drops the persona's copy on
 * the others. The empty key drops every copy (a room destroyed, with its absent occupants in it).
 */
final class Whereabouts {
    /** The name of this cache on the bus. */
    static final String CACHE = "world-persona";

    private final WorldStore store;
    private final World world;
    private final Delivery delivery;
    /** A persona's room id, or empty when it is not in the world. */
    private final Map<String, Optional<String>> byPersona = new ConcurrentHashMap<>();

    Whereabouts(World world, Delivery delivery) {
        this.world = world;
        this.store = world.store();
        this.delivery = delivery;
        delivery.cache(CACHE, persona -> {
            if (persona == null || persona.isEmpty()) byPersona.clear();
            else byPersona.remove(persona);
        });
    }

    /** The id of the persona's room while it is in the world. */
    Optional<String> roomOf(String persona) {
        return byPersona.computeIfAbsent(persona, id -> store.inWorld(id) ? Optional.of(world.locationOf(id).id()) : Optional.empty());
    }

    /** The persona's place or presence in the world changed here: read again, here and everywhere. */
    void changed(String persona) {
        byPersona.remove(persona);
        delivery.publishElsewhere(new Event.Changed(CACHE, persona));
    }

    /** This process reads every persona's place again. */
    void forgetHere() {
        byPersona.clear();
    }

    /** Many personas' places changed at once: every process reads every one again. */
    void changedAll() {
        byPersona.clear();
        delivery.publishElsewhere(new Event.Changed(CACHE, ""));
    }
}
