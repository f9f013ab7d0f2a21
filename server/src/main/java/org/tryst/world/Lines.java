package org.tryst.world;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.cluster.Online;
import org.tryst.cluster.Sight;
import org.tryst.config.Config;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.Fields;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.safety.Blocks;
import org.tryst.storage.GroupCommit;
import org.tryst.storage.TimeOrderedIds;

/**
 * The words of the world: says, poses, emits, whispers and pages. Each is stored first (within the
 * history retention, so that it can be reported) and reaches the room, or its two personas, once it is.
 * Blocks and mutes hold as in channels.
 */
final class Lines implements AutoCloseable {
    private final WorldPlay play;
    private final World world;
    private final Personas personas;
    private final Online online;
    private final Blocks blocks;
    private final Delivery delivery;
    private final Config.Channels config;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final GroupCommit<KeptLine> writer;

    Lines(WorldPlay play, World world, Personas personas, Online online, Blocks blocks, Delivery delivery, Config.Channels config, Clock clock) {
        this.play = play;
        this.world = world;
        this.personas = personas;
        this.online = online;
        this.blocks = blocks;
        this.delivery = delivery;
        this.config = config;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock);
        this.writer = new GroupCommit<>("world-lines-writer", 512, world.store()::append);
    }

    /** A say, pose, semipose or emit, for everyone in the room who may hear the persona. */
    CompletableFuture<ServerMessage.Sent> inRoom(Caller caller, Persona persona, String kind, String text, String requestId) {
        String room = play.roomIdOf(caller, persona);
        Views.WorldLine line = line(room, kind, persona, null, text);
        return store(line, requestId, () -> delivery.publish(new Event.Tell(new Audience.Room(room), new ServerMessage.WorldLine(line),
                Sight.unlessSilenced(persona.id()))));
    }

    /** Words for one persona in the room; the others there see only that a whisper happened. */
    CompletableFuture<ServerMessage.Sent> whisper(Caller caller, Persona persona, String name, String text, String requestId) {
        Room room = play.here(caller, persona);
        return whisper(persona, room, someoneHere(caller, persona, room, name), text, requestId);
    }

    private CompletableFuture<ServerMessage.Sent> whisper(Persona persona, Room room, Persona to, String text, String requestId) {
        Views.WorldLine line = line(room.id(), "whisper", persona, to, text);
        Views.WorldLine seen = new Views.WorldLine(line.id(), line.room(), line.kind(), line.author(), line.to(), null, line.at());
        return store(line, requestId, () -> {
            toBoth(line, persona, to);
            delivery.publish(new Event.Tell(new Audience.Room(room.id()), new ServerMessage.WorldLine(seen),
                    Sight.othersWhoHear(persona.id(), to.id())));
        });
    }

    /**
     * An introduction, in a recognition world: a pose to the room, after which everyone here knows the
     * persona by its name; or, to one persona named, a whisper after which only that one does.
     */
    CompletableFuture<ServerMessage.Sent> introduce(Caller caller, Persona persona, String name, String requestId) {
        Recognition recognition = play.recognition();
        recognition.requireOn();
        Room room = play.here(caller, persona);
        String words = "introduces themself as " + persona.name() + ".";
        if (name != null) {
            Persona to = someoneHere(caller, persona, room, name);
            return whisper(persona, room, to, words, requestId).thenApply(sent -> introduced(persona, List.of(to), sent));
        }
        List<Persona> others = play.views().others(WorldPlay.viewer(caller), persona, room.id());
        if (others.isEmpty()) throw new ProtocolException(ErrorCode.NOT_FOUND, "nobody is here to meet you");
        return inRoom(caller, persona, "pose", words, requestId).thenApply(sent -> introduced(persona, others, sent));
    }

    private ServerMessage.Sent introduced(Persona persona, List<Persona> viewers, ServerMessage.Sent sent) {
        play.recognition().introduced(persona, viewers);
        return sent;
    }

    /** The one among the others here whom the persona means by the words (in a recognition world, as it knows them). */
    Persona someoneHere(Caller caller, Persona persona, Room room, String name) {
        return play.recognition().find(caller.accountId(), persona.id(), play.views().others(WorldPlay.viewer(caller), persona, room.id()), name)
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "nobody called \"" + name + "\" is here"));
    }

    /** Words for one persona in the world, wherever it is. */
    CompletableFuture<ServerMessage.Sent> page(Caller caller, Persona persona, String name, String text, String requestId) {
        play.here(caller, persona);
        Blocks.Concerning concerning = blocks.concerning(WorldPlay.viewer(caller));
        String absent = "nobody called \"" + name + "\" is in the world now";
        Persona to = world.store().everyoneInWorld().stream().map(WorldStore.Whereabouts::persona)
                .filter(id -> !id.equals(persona.id()) && !concerning.hides(id) && online.presence(id) != Presence.OFFLINE)
                .flatMap(id -> personas.byId(id).stream())
                .filter(other -> other.name().equalsIgnoreCase(name.strip()))
                .findFirst().orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, absent));
        Views.WorldLine line = line(null, "page", persona, to, text);
        return store(line, requestId, () -> toBoth(line, persona, to));
    }

    private void toBoth(Views.WorldLine line, Persona from, Persona to) {
        delivery.publish(new Event.Tell(new Audience.Persona(to.id()), new ServerMessage.WorldLine(line), Sight.unlessSilenced(from.id())));
        delivery.publish(new Event.Tell(new Audience.Persona(from.id()), new ServerMessage.WorldLine(line), Sight.ANYONE));
    }

    private Views.WorldLine line(String room, String kind, Persona persona, Persona to, String text) {
        if (Fields.characters(text) > config.maxTextLength()) {
            throw new ProtocolException(ErrorCode.TEXT_TOO_LONG, "lines are at most " + config.maxTextLength() + " characters");
        }
        return new Views.WorldLine(ids.next(), room, kind, persona.author(), to == null ? null : to.author(), text, clock.millis());
    }

    private CompletableFuture<ServerMessage.Sent> store(Views.WorldLine line, String requestId, Runnable publish) {
        KeptLine row = new KeptLine(line.id(), line.room(), line.kind(), line.author().id(),
                line.to() == null ? null : line.to().id(), line.text(), line.at());
        return writer.submit(row).thenApply(written -> {
            publish.run();
            return new ServerMessage.Sent(requestId, line.id(), line.at());
        });
    }

    /** Deletes the lines older than the history retention. */
    int sweep() {
        return world.store().forgetLinesBefore(clock.millis() - Duration.ofHours(config.historyRetentionHours()).toMillis());
    }

    @Override
    public void close() {
        writer.close();
    }
}
