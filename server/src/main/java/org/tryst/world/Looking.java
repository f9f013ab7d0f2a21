package org.tryst.world;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Online;
import org.tryst.config.Config;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.safety.Blocks;

/** Looking at the world: a room, who and what is in it, an exit, an emit's author; who is in the world and where. */
final class Looking {
    /** How many of a room's newest emits {@code look emits} shows with their authors. */
    private static final int EMITS_SHOWN = 10;

    private final WorldPlay play;
    private final World world;
    private final Personas personas;
    private final Online online;
    private final Blocks blocks;
    private final Config.Channels retention;
    private final Clock clock;

    Looking(WorldPlay play, World world, Personas personas, Online online, Blocks blocks, Config.Channels retention, Clock clock) {
        this.play = play;
        this.world = world;
        this.personas = personas;
        this.online = online;
        this.blocks = blocks;
        this.retention = retention;
        this.clock = clock;
    }

    ServerMessage look(Caller caller, Persona persona, String target, String requestId) {
        Room room = play.here(caller, persona);
        if (target == null || target.equalsIgnoreCase("here")) {
            return play.seenBy(caller, persona,
                    new ServerMessage.WorldRoom(requestId, persona.id(), play.views().view(room), play.views().here(WorldPlay.viewer(caller), room)));
        }
        return play.seenBy(caller, persona, new ServerMessage.WorldLook(requestId, persona.id(), at(caller, persona, room, target)));
    }

    private Views.Looked at(Caller caller, Persona persona, Room room, String target) {
        if (target.equalsIgnoreCase("me")) return persona(persona);
        if (target.equalsIgnoreCase("emits") || target.equalsIgnoreCase("emit")) return emits(caller, room);
        Optional<Exit> exit = play.exitFor(room, target);
        if (exit.isPresent()) {
            Views.ExitView view = play.views().exit(exit.get());
            return new Views.Looked("exit", exit.get().id(), exit.get().name(), null, null, null, view.to(), view.rating(), null);
        }
        Blocks.Concerning concerning = blocks.concerning(WorldPlay.viewer(caller));
        List<Persona> present = play.views().present(room.id()).stream().filter(other -> !concerning.hides(other.id())).toList();
        Optional<Persona> other = play.recognition().find(caller.accountId(), persona.id(), present, target);
        if (other.isPresent()) return persona(other.get());
        List<Thing> things = new java.util.ArrayList<>(world.thingsIn(room.id()));
        things.addAll(world.carriedBy(persona.id()));
        return Matching.find(things, target, Thing::name)
                .map(thing -> new Views.Looked("thing", thing.id(), thing.name(), thing.description(), null, null, null, null, null))
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "you see no \"" + target + "\" here"));
    }

    private Views.Looked persona(Persona persona) {
        return new Views.Looked("persona", persona.id(), persona.name(), world.description(persona.id()), persona.summary(),
                persona.pronouns(), null, null, null);
    }

    /** The room's newest emits, each with its author, so nobody can put words in another's mouth unseen. */
    private Views.Looked emits(Caller caller, Room room) {
        Blocks.Concerning concerning = blocks.concerning(WorldPlay.viewer(caller));
        long since = clock.millis() - Duration.ofHours(retention.historyRetentionHours()).toMillis();
        List<Views.WorldLine> lines = world.store().recent(room.id(), "emit", since, EMITS_SHOWN).stream()
                .filter(line -> !concerning.silences(line.author()))
                .flatMap(line -> personas.byId(line.author()).stream()
                        .map(author -> new Views.WorldLine(line.id(), room.id(), "emit", author.author(), null, line.text(), line.at())))
                .toList();
        return new Views.Looked("emit", null, "emits", null, null, null, null, null, lines);
    }

    /**
     * Everyone in the world and online whom the caller may see, by name (in a recognition world, by
     * the names the persona knows them by); with {@code where}, the rooms they are in.
     */
    ServerMessage who(Caller caller, Persona viewer, boolean where, String requestId) {
        Blocks.Concerning concerning = blocks.concerning(WorldPlay.viewer(caller));
        String start = world.start().id();
        List<Views.WhoEntry> people = world.store().everyoneInWorld().stream()
                .filter(seen -> online.presence(seen.persona()) != Presence.OFFLINE && !concerning.hides(seen.persona()))
                .flatMap(seen -> personas.byId(seen.persona()).stream().map(persona -> new Views.WhoEntry(persona.author(),
                        persona.shownWhile(online.presence(persona.id())), where ? roomName(seen.room() == null ? start : seen.room()) : null,
                        persona.chosen().line())))
                .sorted(Comparator.comparing(entry -> entry.persona().name(), String.CASE_INSENSITIVE_ORDER))
                .toList();
        return play.seenBy(caller, viewer, new ServerMessage.WorldWho(requestId, people));
    }

    private String roomName(String id) {
        return world.room(id).map(Room::name).orElseGet(() -> world.start().name());
    }

    ServerMessage.WorldInventory inventory(Caller caller, Persona persona, String requestId) {
        play.here(caller, persona);
        return new ServerMessage.WorldInventory(requestId, persona.id(), world.carriedBy(persona.id()).stream().map(RoomViews::thing).toList());
    }
}
