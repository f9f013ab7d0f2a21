package org.tryst.client.chat;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Carries out {@code /status} and {@code /looking}, and shows the statuses others choose in the
 * channel the person is in: a quiet line when someone starts looking, goes busy or on do not
 * disturb, comes back from it, or changes their line; going idle, online or offline says nothing.
 */
final class Statuses {
    private final Backend backend;
    private final Screen screen;
    private final Session session;
    private final Clock clock;
    /** What was last said of each member of the channel the person is in, so that coming back from idle says nothing again. */
    private final Map<String, String> said = new HashMap<>();

    Statuses(Backend backend, Screen screen, Session session, Clock clock) {
        this.backend = backend;
        this.screen = screen;
        this.session = session;
        this.clock = clock;
    }

    /** The status a persona of this account chose; one the server did not say is online. */
    static Presence chosen(Views.Persona persona) {
        return persona.status() == null ? Presence.ONLINE : persona.status();
    }

    private static String line(Views.Persona persona) {
        return persona.statusLine() == null ? "" : persona.statusLine();
    }

    void show(Views.Persona persona) {
        screen.show(Format.status(persona.name(), chosen(persona), line(persona)));
        if (chosen(persona) == Presence.DND) screen.show(held(persona));
        else screen.show("/status STATUS [LINE] chooses another: online, looking, away, busy or dnd.");
    }

    /** Chooses a status and line; what the command leaves out stays as it was. */
    void set(Views.Persona persona, Command.SetStatus command) {
        Presence before = chosen(persona);
        Presence status = command.status() != null ? command.status() : before;
        String line = command.line() != null ? command.line() : line(persona);
        Views.Persona now = backend.setStatus(persona.id(), status, line);
        session.replace(now);
        screen.show(Format.status(now.name(), chosen(now), line(now)));
        switch (chosen(now)) {
            case DND -> screen.show(held(now));
            case LOOKING -> screen.show("Others see " + now.name() + " in /looking until you choose another status.");
            case ONLINE, AWAY, BUSY, OFFLINE -> {}
        }
        if (before == Presence.DND && chosen(now) != Presence.DND) {
            screen.show("Invitations held while you were on do not disturb come now; /invitations lists them all.");
        }
    }

    private static String held(Views.Persona persona) {
        return "Do not disturb: invitations to " + persona.name() + " are held, unannounced, until you choose another status;"
                + " /invitations lists them.";
    }

    /** Lists who is looking now, numbered for {@code /looking invite N}. */
    void list() {
        session.looking = backend.looking();
        if (session.looking.isEmpty()) {
            screen.show("Nobody is looking right now. /status looking [LINE] puts you on the list.");
            return;
        }
        screen.show("Looking now (/looking invite N [NOTE] invites one):");
        for (int i = 0; i < session.looking.size(); i++) screen.show(Format.looking(i + 1, session.looking.get(i), clock));
    }

    /** The invitation for persona {@code number} of the last looking list. */
    Command.Invite invitation(int number, String note) {
        if (number > session.looking.size()) throw new Shell.Refused("There is no one numbered " + number + ": /looking lists them.");
        return new Command.Invite(session.looking.get(number - 1).persona().name(), note);
    }

    /** The members of a channel just entered or listed, as the person sees them now. */
    void members(List<Views.Member> members) {
        Map<String, Views.Member> byId = new HashMap<>();
        members.forEach(member -> byId.put(member.id(), member));
        session.members = byId;
        said.clear();
        members.forEach(member -> said.put(member.id(), shown(member)));
    }

    /** A member came into a channel: in the one the person is in, it can be named and its status followed. */
    void joined(String channel, Views.Member member) {
        if (!(session.place instanceof Place.Channel(String here)) || !here.equals(channel)) return;
        Map<String, Views.Member> updated = new HashMap<>(session.members);
        updated.put(member.id(), member);
        session.members = updated;
        said.put(member.id(), shown(member));
    }

    /** Makes sure a persona heard of in the channel the person is in can be named: a newcomer is looked up with the members. */
    void known(String channel, String persona) {
        if (session.members.containsKey(persona) || session.mineIds().contains(persona)) return;
        if (session.place instanceof Place.Channel(String here) && here.equals(channel)) {
            try {
                members(backend.members(channel));
            } catch (RuntimeException unreachable) {
                // named "someone" until the members can be listed
            }
        }
    }

    /** A member's status or line changed: shown in the channel the person is in, when it says something; one's own is kept. */
    void changed(ServerMessage.PresenceChanged event) {
        if (session.mineIds().contains(event.persona())) {
            reloadMine();
            return;
        }
        if (!(session.place instanceof Place.Channel(String here)) || !here.equals(event.channel())) return;
        String line = event.statusLine() == null ? "" : event.statusLine();
        Views.Member before = session.members.get(event.persona());
        if (before == null) {
            members(backend.members(here));
            before = session.members.get(event.persona());
            if (before == null) return;
        }
        Views.Member now = new Views.Member(before.id(), before.name(), event.status(), before.owner(), before.avatar(), line);
        Map<String, Views.Member> updated = new HashMap<>(session.members);
        updated.put(now.id(), now);
        session.members = updated;
        if (worthSaying(before, now) && !shown(now).equals(said.get(now.id()))) {
            said.put(now.id(), shown(now));
            screen.show(Format.statusChange(now.name(), now.status(), line));
        }
    }

    private static String shown(Views.Member member) {
        return member.status() + " " + (member.statusLine() == null ? "" : member.statusLine());
    }

    /**
     * A status someone chose is worth a line: looking, busy or do not disturb, the end of one of those,
     * or a new line. Going idle, and coming and going, are left to {@code /who}, or a busy channel would
     * be all presence.
     */
    private static boolean worthSaying(Views.Member before, Views.Member now) {
        String was = before.statusLine() == null ? "" : before.statusLine();
        if (now.status() == Presence.OFFLINE) return false;
        if (!was.equals(now.statusLine())) return true;
        if (before.status() == now.status()) return false;
        return chose(now.status()) || (chose(before.status()) && now.status() == Presence.ONLINE);
    }

    private static boolean chose(Presence status) {
        return switch (status) {
            case LOOKING, BUSY, DND -> true;
            case ONLINE, AWAY, OFFLINE -> false;
        };
    }

    /** One of this account's personas changed, on this device or another: the prompt shows what it chose. */
    private void reloadMine() {
        session.mine = backend.personas();
        if (session.persona != null) {
            String id = session.persona.id();
            Optional<Views.Persona> current = session.mine.stream().filter(persona -> persona.id().equals(id)).findFirst();
            current.ifPresent(session::replace);
        }
    }

    /** A scene's members with their status now, as everyone sees it; one that cannot be looked up is named alone. */
    void sceneMembers(Views.Scene scene) {
        for (Views.Author member : scene.members()) {
            Optional<Views.Persona> mine = session.mine.stream().filter(persona -> persona.id().equals(member.id())).findFirst();
            Views.Persona seen = mine.orElseGet(() -> lookUp(member.name()));
            if (seen == null || seen.status() == null) {
                screen.show("  " + member.name());
                continue;
            }
            String line = line(seen).isEmpty() ? "" : ": " + line(seen);
            screen.show("  " + member.name() + " (" + Format.word(seen.status()) + ")" + line);
        }
    }

    private Views.Persona lookUp(String name) {
        try {
            return backend.findPersona(name);
        } catch (RuntimeException unknown) {
            return null;
        }
    }
}
