package org.tryst.telnet;

/**
 * Whom a message is rendered for: the window's width in columns, whether the client shows ANSI
 * colour, and the persona this connection plays (null before one is picked), who reads "You".
 */
record Viewer(int width, boolean colour, String persona) {
    /** The width when the client does not say (no NAWS), and the bounds a reported width is held to. */
    static final int DEFAULT_WIDTH = 80;
    static final int NARROWEST = 20;
    static final int WIDEST = 250;

    Viewer {
        width = width <= 0 ? DEFAULT_WIDTH : Math.clamp(width, NARROWEST, WIDEST);
    }

    /** A plain 80-column terminal, the assumption until the client says otherwise. */
    static Viewer plain() {
        return new Viewer(DEFAULT_WIDTH, false, null);
    }

    Viewer as(String persona) {
        return new Viewer(width, colour, persona);
    }

    Viewer width(int columns) {
        return new Viewer(columns, colour, persona);
    }

    Viewer colour(boolean on) {
        return new Viewer(width, on, persona);
    }

    boolean isMe(String personaId) {
        return persona != null && persona.equals(personaId);
    }
}
