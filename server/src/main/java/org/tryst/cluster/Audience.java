package org.tryst.cluster;

/**
 * Who hears an event: the sockets following a channel or present in a room of the world, those speaking for a device, those of an
 * account or of one session, or those online as a persona, on whichever process they are.
 */
public sealed interface Audience {
    /** Everyone following a public channel. */
    record Channel(String name) implements Audience {}

    /** The sockets speaking for any of these devices, which hear of their scenes. */
    record Devices(java.util.List<String> ids) implements Audience {
        public Devices {
            ids = java.util.List.copyOf(ids);
        }

        public static Devices of(String id) {
            return new Devices(java.util.List.of(id));
        }
    }

    /** Every socket of an account. */
    record Account(String id) implements Audience {}

    /** Every socket of one login session. */
    record Session(String id) implements Audience {}

    /** The sockets online as a persona. */
    record Persona(String id) implements Audience {}

    /** Everyone present in a room of the text world, by its id. */
    record Room(String id) implements Audience {}

    /** The sockets watching the list of channels. */
    record Directory() implements Audience {}
}
