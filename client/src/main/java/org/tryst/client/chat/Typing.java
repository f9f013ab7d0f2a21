package org.tryst.client.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tryst.client.SceneEvent;

/**
 * Who is typing where the person is, both ways, with the timing of docs/protocol.md ("Typing"): in
 * a channel through the server, in a scene as a signal inside the scene's encryption, which the
 * server cannot read. Only a line to say counts as typing, not a command (bar {@code /me}). An
 * account that does not share typing sends none and shows none.
 */
final class Typing {
    /** A start is said again this often while the person goes on typing. */
    static final long RENEWAL_MS = 3_000;
    /** The person stopped when the line has not changed for this long. */
    static final long IDLE_MS = 5_000;
    /** Someone else is shown typing this long after they last said so. */
    static final long SHOWN_MS = 6_000;
    static final String STARTED = "{\"kind\":\"typing\",\"typing\":true}";
    static final String STOPPED = "{\"kind\":\"typing\",\"typing\":false}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Backend backend;
    private final Session session;
    private final Clock clock;

    /** Where this person was last said to be typing, as whom, and when; null once they stopped. */
    private Place saidIn;
    private String saidAs;
    private long saidAt;
    private long editedAt;

    Typing(Backend backend, Session session, Clock clock) {
        this.backend = backend;
        this.session = session;
        this.clock = clock;
    }

    /** The line being typed changed: a start when it becomes text to say, renewed while it changes, a stop when it is cleared. */
    synchronized void edited(String line) {
        if (!isSaying(line)) {
            stop();
            return;
        }
        Place here;
        String persona;
        synchronized (session) {
            if (!session.shareTyping || session.persona == null) return;
            here = session.place;
            persona = session.persona.id();
        }
        long now = clock.millis();
        editedAt = now;
        if (saidIn != null && (!saidIn.equals(here) || !saidAs.equals(persona))) stop();
        if (here instanceof Place.Nowhere) return;
        if (saidIn == null || now - saidAt >= RENEWAL_MS) {
            saidIn = here;
            saidAs = persona;
            saidAt = now;
            say(here, persona, true);
        }
    }

    /** The line was sent (or dropped): the person stopped typing. */
    synchronized void sent() {
        stop();
    }

    /** Time passes: a line left alone for {@link #IDLE_MS} is no longer being typed. */
    synchronized void tick() {
        if (saidIn != null && clock.millis() - editedAt >= IDLE_MS) stop();
    }

    private void stop() {
        if (saidIn == null) return;
        Place place = saidIn;
        saidIn = null;
        say(place, saidAs, false);
    }

    /** A typing indication is a courtesy: one the server refuses (too soon, or a place just left) is not worth a word. */
    private void say(Place place, String persona, boolean typing) {
        try {
            switch (place) {
                case Place.Nowhere _ -> {}
                case Place.Channel(String name) -> backend.typing(persona, name, typing);
                case Place.Scene(String id) -> backend.signal(id, typing ? STARTED : STOPPED);
            }
        } catch (RuntimeException refused) {
            // the next edit says it again
        }
    }

    /** Text to say where the person is, or a pose: other commands are not typing to anyone. */
    static boolean isSaying(String line) {
        String typed = line.stripLeading();
        if (typed.isEmpty()) return false;
        return !typed.startsWith("/") || typed.toLowerCase(java.util.Locale.ROOT).startsWith("/me ");
    }

    // What others type; these run under the session's lock, as Incoming and the prompt hold it.

    /** A scene signal that says someone is typing or stopped, if it is one: {@code true} when it was. */
    boolean heard(SceneEvent.Signalled signal) {
        JsonNode message;
        try {
            message = JSON.readTree(signal.json());
        } catch (java.io.IOException unreadable) {
            return false;
        }
        if (message == null || !message.path("kind").asText().equals("typing")) return false;
        heard(new Place.Scene(signal.scene()), signal.persona(), message.path("typing").asBoolean(false));
        return true;
    }

    /** Someone is typing, or stopped, in a place; this account's own personas are never shown. */
    void heard(Place place, String persona, boolean typing) {
        if (!session.shareTyping || session.mineIds().contains(persona)) return;
        Map<String, Long> there = session.typing.computeIfAbsent(place, key -> new HashMap<>());
        if (typing) there.put(persona, clock.millis() + SHOWN_MS);
        else there.remove(persona);
    }

    /** A line from the persona arrived: it is no longer typing it. */
    void spoke(Place place, String persona) {
        Optional.ofNullable(session.typing.get(place)).ifPresent(there -> there.remove(persona));
    }

    /** Who is typing where the person is, as the status area shows it; empty for nobody. */
    String shown() {
        if (!session.shareTyping) return "";
        Map<String, Long> there = session.typing.get(session.place);
        if (there == null) return "";
        long now = clock.millis();
        there.values().removeIf(until -> until <= now);
        List<String> names = there.keySet().stream().sorted().map(persona -> nameOf(session.place, persona)).sorted().toList();
        return switch (names.size()) {
            case 0 -> "";
            case 1 -> names.getFirst() + " is typing\u2026";
            case 2 -> names.get(0) + " and " + names.get(1) + " are typing\u2026";
            case 3 -> names.get(0) + ", " + names.get(1) + " and " + names.get(2) + " are typing\u2026";
            default -> "Several people are typing\u2026";
        };
    }

    /** Sharing was turned off: what others were typing is no longer shown. */
    void forgetOthers() {
        session.typing.clear();
    }

    private String nameOf(Place place, String persona) {
        return switch (place) {
            case Place.Scene(String id) -> session.memberName(id, persona);
            case Place.Channel _ -> Optional.ofNullable(session.members.get(persona)).map(org.tryst.protocol.Views.Member::name).orElse("Someone");
            case Place.Nowhere _ -> "Someone";
        };
    }
}
