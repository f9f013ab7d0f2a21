package org.tryst.client.chat;

/** Where the chat shows its lines: above the prompt in a terminal, into a list in tests. */
@FunctionalInterface
public interface Screen {
    void show(String line);
}
