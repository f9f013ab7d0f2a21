package org.tryst.cluster;

import java.util.Collection;
import java.util.Optional;

/** The block and mute checks a delivery asks for each recipient; the safety capability answers them. */
public interface Visibility {
    /** The account behind a persona, if it exists. */
    Optional<String> accountOf(String personaId);

    /** Whether a block stands between the viewer (an account acting as these personas) and the persona, either way. */
    boolean hides(String viewerAccount, Collection<String> viewerPersonas, String personaId);

    /** Whether the viewer may not hear what the persona says: hidden, or muted by the viewer. */
    boolean silences(String viewerAccount, Collection<String> viewerPersonas, String personaId);

    /** Whether the persona's account blocks the viewer, as the database has it now: for a request that looks the persona up. */
    boolean hiddenByNow(String viewerAccount, Collection<String> viewerPersonas, String personaId);
}
