package org.tryst.statuses;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.tryst.cluster.Online;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.Views;
import org.tryst.safety.Blocks;
import org.tryst.storage.Sql;

/**
 * The status each persona chose and its status line, kept with the persona across sessions, and
 * the personas looking for a partner now. What others see of a status is {@link Persona#shownWhile}
 * the persona's presence over every process; the places a persona appears hear of a change through
 * their {@link Watcher}s.
 */
public final class Statuses {
    /** Most personas one look at the looking list shows: those who chose {@code looking} last. */
    static final int LOOKING_SHOWN = 100;

    /** Hears that a persona chose another status or line: the places it appears tell those there. */
    public interface Watcher {
        void statusChanged(Persona before, Persona now);
    }

    private final Sql sql;
    private final Personas personas;
    private final Online online;
    private final Blocks blocks;
    private final Predicate<Persona> inGoodStanding;
    private final Clock clock;
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

    /** {@code inGoodStanding} says whether moderators left a persona free to be seen (not banned, its account not barred). */
    public Statuses(Sql sql, Personas personas, Online online, Blocks blocks, Predicate<Persona> inGoodStanding, Clock clock) {
        this.sql = sql;
        this.personas = personas;
        this.online = online;
        this.blocks = blocks;
        this.inGoodStanding = inGoodStanding;
        this.clock = clock;
    }

    public void watch(Watcher watcher) {
        watchers.add(watcher);
    }

    /**
     * The persona chooses a status and a line. Choosing the status it has keeps the time it chose
     * it, so that editing the line of a {@code looking} persona does not move it up the looking list.
     */
    public Persona choose(Persona persona, Presence status, String line) {
        long at = status == persona.chosen().status() ? persona.chosen().at() : clock.millis();
        Persona.Chosen chosen = new Persona.Chosen(status, line, at);
        sql.useHandle(handle -> handle.createUpdate("UPDATE personas SET status = :status, status_line = :line, status_at = :at WHERE id = :id")
                .bind("status", chosen.stored()).bind("line", line).bind("at", at).bind("id", persona.id()).execute());
        Persona now = Optional.ofNullable(personas.changed(persona.id()))
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no such persona"));
        watchers.forEach(watcher -> watcher.statusChanged(persona, now));
        return now;
    }

    /**
     * The personas showing {@code looking} now, most recent choice first, as the account may see
     * them: not its own, none across a block either way or that it muted, none a moderator barred.
     */
    public List<Views.Looking> looking(String accountId) {
        Blocks.Viewer viewer = new Blocks.Viewer(accountId, personas.of(accountId).stream().map(Persona::id).toList());
        Blocks.Concerning concerning = blocks.concerning(viewer);
        return online.reachable().stream()
                .filter(id -> !concerning.silences(id))
                .map(personas::byId).flatMap(Optional::stream)
                .filter(persona -> !persona.accountId().equals(accountId) && persona.shownWhile(online.presence(persona.id())) == Presence.LOOKING)
                .filter(inGoodStanding)
                .sorted(Comparator.comparingLong((Persona persona) -> persona.chosen().at()).reversed().thenComparing(Persona::id))
                .limit(LOOKING_SHOWN)
                .map(persona -> new Views.Looking(persona.author(), persona.chosen().line(), persona.chosen().at()))
                .toList();
    }
}
