package org.tryst.world;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;

/**
 * Who is in the world in each room, as this process last read it: a change made on any process
 * drops the room's copy everywhere else, to be read again when next needed. Presence (who of them is
 * online now) comes from {@code Online}, not from here.
 */
final class Occupancy {
    /** The name of the rooms' cache on the bus. */
    static final String CACHE = "world-room";

    private final WorldStore store;
    private final World world;
    private final Delivery delivery;
    private final java.util.Map<String, Set<String>> byRoom = new ConcurrentHashMap<>();

    Occupancy(World world, Delivery delivery) {
        this.world = world;
        this.store = world.store();
        this.delivery = delivery;
        delivery.cache(CACHE, room -> {
            if (room == null) byRoom.clear();
            else byRoom.remove(room);
        });
    }

    /** The personas in the world in the room. */
    Set<String> of(String room) {
        return Set.copyOf(live(room));
    }

    private Set<String> live(String room) {
        return byRoom.computeIfAbsent(room, id -> {
            Set<String> occupants = ConcurrentHashMap.newKeySet();
            occupants.addAll(store.occupants(id, id.equals(world.start().id())));
            return occupants;
        });
    }

    boolean contains(String room, String persona) {
        return live(room).contains(persona);
    }

    void arrived(String room, String persona) {
        live(room).add(persona);
        changed(room);
    }

    void departed(String room, String persona) {
        live(room).remove(persona);
        changed(room);
    }

    /** Every process reads the room again; for changes made without this process's copy (a room destroyed). */
    void forget(String room) {
        byRoom.remove(room);
        changed(room);
    }

    /** This process reads every room's occupants again. */
    void forgetHere() {
        byRoom.clear();
    }

    private void changed(String room) {
        delivery.publishElsewhere(new Event.Changed(CACHE, room));
    }
}
