package org.tryst.world;

/** A world file that cannot be imported, with one message naming the entry (or line) and what is wrong. */
public final class InvalidWorld extends RuntimeException {
    public InvalidWorld(String message) {
        super(message);
    }
}
