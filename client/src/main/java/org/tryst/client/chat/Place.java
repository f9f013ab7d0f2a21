package org.tryst.client.chat;

/** Where what the person says goes: nowhere yet, a public channel, or a private scene. */
public sealed interface Place {
    /** Not in a channel or scene. */
    record Nowhere() implements Place {}

    /** A public channel, by name. */
    record Channel(String name) implements Place {}

    /** A private scene, by id. */
    record Scene(String id) implements Place {}
}
