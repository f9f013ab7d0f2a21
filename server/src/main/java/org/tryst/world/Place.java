package org.tryst.world;

/** Where a thing is: lying in a room or carried by a persona, never both. */
public sealed interface Place {
    /** Lying in a room. */
    record InRoom(String room) implements Place {}

    /** Carried by a persona. */
    record CarriedBy(String persona) implements Place {}
}
