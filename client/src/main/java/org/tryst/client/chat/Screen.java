package org.tryst.client.chat;

/** Where the chat shows its lines: above the prompt in a terminal, into a list in tests. */
public interface Screen {
    void show(String line);

    /** Takes every line shown so far off the screen, as far as the screen can, and shows this one: a safeword clears a scene away. */
    void wipe(String line);
}
