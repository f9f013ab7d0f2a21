package org.tryst.personas;

/** Whether a persona may act at all; moderation answers, as it bans personas. */
public interface Standing {
    /** Throws a {@code ProtocolException} for a persona that may not act. */
    void requireUsable(String personaId);
}
