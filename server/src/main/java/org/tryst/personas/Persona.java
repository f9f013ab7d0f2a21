package org.tryst.personas;

import org.tryst.protocol.Views;

/** A character an account acts as; others see the persona and never the account. */
public record Persona(String id, String accountId, String name, String summary, String description, String pronouns,
                      String avatar) {

    /** The persona as shown to anyone. */
    public Views.Persona view() {
        return new Views.Persona(id, name, summary, description, pronouns, avatar);
    }

    /** The persona as shown beside its messages, with its picture as it is now. */
    public Views.Author author() {
        return new Views.Author(id, name, avatar);
    }
}
