package org.tryst.consent;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.tryst.config.Config;
import org.tryst.personas.Persona;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BoundaryMatch;
import org.tryst.protocol.Views;
import org.tryst.storage.Sql;

/**
 * Personas' published boundaries against the operator's catalogue: set by the persona's owner,
 * readable by anyone but the personas the owner's account blocked, compared side by side on every invitation.
 */
public final class Boundaries {
    private final Sql sql;
    private final Catalogue catalogue;
    private final Config.Consent config;
    private final Clock clock;

    public Boundaries(Sql sql, Catalogue catalogue, Config.Consent config, Clock clock) {
        this.sql = sql;
        this.catalogue = catalogue;
        this.config = config;
        this.clock = clock;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** The safeword word an invitation proposes when its inviter names none. */
    public String defaultSafeword() {
        return config.defaultSafeword();
    }

    /** A persona's boundaries; answers to topics no longer in the catalogue are left out. */
    public Views.Boundaries show(Persona persona) {
        return sql.withHandle(handle -> view(handle, persona));
    }

    /** Replaces the whole list of one of the caller's personas; an unknown topic refuses all of it. */
    public Views.Boundaries set(Persona persona, Map<String, Answer> answers, String notes) {
        catalogue.requireKnown(answers.keySet());
        return sql.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM boundaries WHERE persona_id = :persona").bind("persona", persona.id()).execute();
            var insert = handle.prepareBatch("INSERT INTO boundaries (persona_id, topic, answer) VALUES (:persona, :topic, :answer)");
            answers.forEach((topic, answer) -> insert.bind("persona", persona.id()).bind("topic", topic).bind("answer", answer.name()).add());
            if (!answers.isEmpty()) insert.execute();
            handle.createUpdate("DELETE FROM boundary_notes WHERE persona_id = :persona").bind("persona", persona.id()).execute();
            handle.createUpdate("INSERT INTO boundary_notes (persona_id, notes, updated_at) VALUES (:persona, :notes, :now)")
                    .bind("persona", persona.id()).bind("notes", notes).bind("now", clock.millis()).execute();
            return view(handle, persona);
        });
    }

    /**
     * Two personas' boundaries side by side, flagged, with {@code proposed} topics marked; when
     * {@code showTo} is false the second persona's answers are withheld, shown as none.
     */
    public List<Views.TopicMatch> compare(Handle handle, String from, String to, Collection<String> proposed, boolean showTo) {
        return BoundaryMatch.compare(catalogue.ids(), answers(handle, from), showTo ? answers(handle, to) : Map.of(), proposed);
    }

    /** A persona's notes, empty when it wrote none. */
    public String notes(Handle handle, String personaId) {
        return handle.createQuery("SELECT notes FROM boundary_notes WHERE persona_id = :persona").bind("persona", personaId)
                .mapTo(String.class).findOne().orElse("");
    }

    private Views.Boundaries view(Handle handle, Persona persona) {
        long updated = handle.createQuery("SELECT updated_at FROM boundary_notes WHERE persona_id = :persona")
                .bind("persona", persona.id()).mapTo(Long.class).findOne().orElse(0L);
        return new Views.Boundaries(persona.author(), answers(handle, persona.id()), notes(handle, persona.id()), updated);
    }

    private Map<String, Answer> answers(Handle handle, String personaId) {
        List<String> known = catalogue.ids();
        Map<String, Answer> answers = new TreeMap<>((a, b) -> Integer.compare(known.indexOf(a), known.indexOf(b)));
        handle.createQuery("SELECT topic, answer FROM boundaries WHERE persona_id = :persona").bind("persona", personaId)
                .map((rs, ctx) -> Map.entry(rs.getString("topic"), rs.getString("answer"))).list().stream()
                .filter(row -> known.contains(row.getKey()))
                .forEach(row -> answers.put(row.getKey(), Answer.valueOf(row.getValue())));
        return answers;
    }
}
