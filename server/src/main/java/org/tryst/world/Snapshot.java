package org.tryst.world;

import java.util.List;

/** The whole world at once, as export writes it and import replaces it: the start room, rooms, exits and things. */
public record Snapshot(String start, List<Room> rooms, List<Exit> exits, List<Thing> things) {
    public Snapshot {
        rooms = List.copyOf(rooms);
        exits = List.copyOf(exits);
        things = List.copyOf(things);
    }
}
