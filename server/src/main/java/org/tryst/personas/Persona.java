package org.tryst.personas;

import java.util.Locale;
import org.tryst.protocol.Presence;
import org.tryst.protocol.Views;

/** A character an account acts as; others see the persona and never the account. */
public record Persona(String id, String accountId, String name, String summary, String description, String pronouns,
                      String avatar, Chosen chosen) {

    /** The status a persona chose, its status line (empty: none), and when it chose the status (0: never). */
    public record Chosen(Presence status, String line, long at) {
        /** What a persona that never chose shows: here. */
        public static final Chosen DEFAULT = new Chosen(Presence.ONLINE, "", 0);

        /** The status as the database keeps it. */
        public String stored() {
            return status.name().toLowerCase(Locale.ROOT);
        }

        static Chosen read(String status, String line, long at) {
            return new Chosen(Presence.valueOf(status.toUpperCase(Locale.ROOT)), line, at);
        }
    }

    /** The persona as its own account sees it: with the status it chose. */
    public Views.Persona view() {
        return new Views.Persona(id, name, summary, description, pronouns, avatar, chosen.status(), chosen.line());
    }

    /** The persona as anyone else sees it, while its sockets are {@code reachable} (see {@link #shownWhile}). */
    public Views.Persona viewWhile(Presence reachable) {
        return new Views.Persona(id, name, summary, description, pronouns, avatar, shownWhile(reachable), chosen.line());
    }

    /** What others see of its status while its sockets are {@code reachable}: online, idle (away) or offline. */
    public Presence shownWhile(Presence reachable) {
        return chosen.status().shownWhile(reachable);
    }

    /** The persona as shown beside its messages, with its picture as it is now. */
    public Views.Author author() {
        return new Views.Author(id, name, avatar);
    }
}
