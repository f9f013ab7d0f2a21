package org.tryst.world;

import java.util.List;
import java.util.Optional;

/** A way out of room {@code from} into room {@code to}, used by its name or an alias; one way only. */
public record Exit(String id, String from, String name, List<String> aliases, String to, Optional<String> lock) {
    public Exit {
        aliases = List.copyOf(aliases);
    }

    /** Whether a player's word names this exit: its name or an alias, in any case. */
    public boolean answersTo(String word) {
        return name.equalsIgnoreCase(word) || aliases.stream().anyMatch(word::equalsIgnoreCase);
    }
}
