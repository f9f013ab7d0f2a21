package org.tryst.channels;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.tryst.config.Config;
import org.tryst.gateway.Connection;
import org.tryst.personas.Persona;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.Fields;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.safety.Blocks;
import org.tryst.storage.GroupCommit;
import org.tryst.storage.Sql;
import org.tryst.storage.TimeOrderedIds;

/**
 * Public channels: membership and history in the database, live audiences in memory. Every change
 * is written first and then announced to the sockets following the channel; a line reaches them
 * and is acknowledged to its sender only once it is stored. Blocks hold here too: the two sides of a
 * block do not see each other in a channel at all (members, presence, lines, history), and a muted
 * persona's lines do not reach the muter.
 */
public final class Channels implements AutoCloseable {
    private final ChannelStore store;
    private final GroupCommit<Waiting> history;
    private final Config.Channels config;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final Blocks blocks;
    private final Map<String, LiveChannel> loaded = new ConcurrentHashMap<>();
    /** The sockets online as each persona: a channel the persona joins reaches all of them. */
    private final Map<String, Set<Connection>> online = new ConcurrentHashMap<>();

    public Channels(Sql sql, Config.Channels config, Blocks blocks, Clock clock) {
        this.blocks = blocks;
        this.store = new ChannelStore(sql);
        this.history = new GroupCommit<>("history-writer", 512, this::storeTogether);
        this.config = config;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock);
    }

    public List<Views.Channel> list() {
        return store.channels().stream()
                .map(row -> new Views.Channel(row.name(), row.topic(), room(row.name()).size()))
                .toList();
    }

    /** Creates a channel owned by the persona, which joins it with the creating socket. */
    public Views.Joined create(Connection connection, Persona owner, String name, String topic) {
        store.create(name, topic == null ? "" : topic, owner.id(), clock.millis());
        return follow(connection, owner, room(name));
    }

    public Views.Joined join(Connection connection, Persona persona, String channel) {
        LiveChannel room = room(channel);
        store.join(channel, persona.id(), clock.millis());
        room.add(persona);
        goOnline(connection, persona);
        online.get(persona.id()).forEach(socket -> room.attach(persona.id(), socket));
        broadcastAbout(room, persona.id(), new ServerMessage.MemberJoined(channel, room.member(persona.id())));
        return joined(room, persona, connection);
    }

    public void leave(Persona persona, String channel) {
        LiveChannel room = room(channel);
        if (!store.leave(channel, persona.id())) throw notMember();
        depart(room, persona.id(), "left");
    }

    /**
     * Stores a say or pose and then sends it to the channel's audience; the future completes with the
     * line as stored, which is when the sender may be told it was sent. Lines wait for the disk
     * together (group commit), so what others see is only ever what is stored. A line with a client
     * id its persona already used is the first one again: answered as it was, and sent to nobody.
     */
    public CompletableFuture<Views.Message> post(Persona persona, String channel, MessageKind kind, String text, String clientId) {
        if (Fields.characters(text) > config.maxTextLength()) {
            throw new ProtocolException(ErrorCode.TEXT_TOO_LONG, "messages are at most " + config.maxTextLength() + " characters");
        }
        LiveChannel room = memberRoom(persona, channel);
        Views.Message message = new Views.Message(ids.next(), channel, kind, persona.author(), text, clock.millis());
        Waiting line = new Waiting(room, new ChannelStore.Posted(message, clientId), new CompletableFuture<>());
        return history.submit(line).thenCompose(written -> line.stored());
    }

    /** A line waiting for the next batch, the room it goes to, and the line as stored. */
    private record Waiting(LiveChannel room, ChannelStore.Posted posted, CompletableFuture<Views.Message> stored) {}

    /** Stores a batch of lines in one transaction, then sends the new ones out in order, each before its sender's reply. */
    private void storeTogether(List<Waiting> batch) {
        List<Views.Message> stored = store.appendAll(batch.stream().map(Waiting::posted).toList());
        for (int i = 0; i < batch.size(); i++) {
            Waiting line = batch.get(i);
            Views.Message message = stored.get(i);
            if (message.id().equals(line.posted().message().id())) {
                Connection.sendAll(visible(line.room().audience(), message.persona().id(), true),
                        Codec.encode(new ServerMessage.ChannelMessage(message)));
            }
            line.stored().complete(message);
        }
    }

    public void topic(Persona persona, String channel, String topic) {
        LiveChannel room = memberRoom(persona, channel);
        store.topic(channel, topic);
        room.topic(topic);
        // The new topic reaches everyone; who set it, only those the setter is not hidden from.
        List<Connection> audience = room.audience();
        List<Connection> named = visible(audience, persona.id(), false);
        Connection.sendAll(named, Codec.encode(new ServerMessage.TopicChanged(channel, topic, persona.author())));
        if (named.size() < audience.size()) {
            List<Connection> unnamed = new ArrayList<>(audience);
            unnamed.removeAll(named);
            Connection.sendAll(unnamed, Codec.encode(new ServerMessage.TopicChanged(channel, topic, null)));
        }
    }

    /** The channel's members as the socket may see them. */
    public List<Views.Member> members(Connection connection, String channel) {
        return visibleMembers(room(channel), connection);
    }

    public List<Views.Message> history(Connection connection, Persona persona, String channel, String before, int limit) {
        memberRoom(persona, channel);
        return visibleLines(store.history(channel, retentionCutoff(), before, limit), connection);
    }

    /**
     * Makes a change to who blocks whom between two accounts, and shows its effect at once in the
     * channels they share: each side's sockets see the other's personas leave (or come back) as if
     * they had left or joined, which is all the other side can ever learn of a block.
     */
    public <T> T regroup(String accountA, String accountB, Supplier<T> change) {
        record Sight(LiveChannel room, Connection viewer, String subject) {}
        List<Sight> sights = new ArrayList<>();
        for (LiveChannel room : loaded.values()) {
            List<Persona> sideA = room.membersOf(accountA);
            List<Persona> sideB = room.membersOf(accountB);
            for (Persona a : sideA) {
                for (Persona b : sideB) {
                    room.socketsOf(b.id()).forEach(socket -> sights.add(new Sight(room, socket, a.id())));
                    room.socketsOf(a.id()).forEach(socket -> sights.add(new Sight(room, socket, b.id())));
                }
            }
        }
        Map<Sight, Boolean> before = new HashMap<>();
        sights.forEach(sight -> before.put(sight, sees(sight.viewer(), sight.subject())));
        T result = change.get();
        before.forEach((sight, saw) -> {
            boolean seesNow = sees(sight.viewer(), sight.subject());
            if (seesNow == saw || !sight.room().isMember(sight.subject())) return;
            sight.viewer().send(seesNow ? new ServerMessage.MemberJoined(sight.room().name, sight.room().member(sight.subject()))
                    : new ServerMessage.MemberLeft(sight.room().name, sight.subject(), "left"));
        });
        return result;
    }

    /** The owner removes a member, whose sockets are told and stop following the channel. */
    public void kick(Persona owner, String channel, String target, String reason) {
        LiveChannel room = memberRoom(owner, channel);
        if (!owner.id().equals(room.owner())) throw new ProtocolException(ErrorCode.FORBIDDEN, "only the channel's owner may kick");
        if (target.equals(owner.id())) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "the owner cannot kick itself");
        // Someone who blocked the owner is not here, for the owner; the owner may still remove someone it blocked.
        if (blocks.accountOf(target).filter(account -> blocks.blocks(account, owner.id())).isPresent()) throw notMember();
        if (!store.leave(channel, target)) throw notMember();
        for (Connection socket : room.socketsOf(target)) {
            socket.send(new ServerMessage.Kicked(channel, target, owner.author(), reason));
        }
        depart(room, target, "kicked");
    }

    /** Puts a socket online as a persona in every open channel the persona belongs to. */
    public List<Views.Joined> use(Connection connection, Persona persona) {
        goOnline(connection, persona);
        List<String> closed = store.closed();
        return store.channelsOf(persona.id()).stream().filter(channel -> !closed.contains(channel))
                .map(channel -> follow(connection, persona, room(channel)))
                .toList();
    }

    /** Changes a persona's status on one socket and tells the channels if the persona's presence changed. */
    public void presence(Connection connection, Persona persona, Presence status) {
        if (!connection.personasInUse().containsKey(persona.id())) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "use the persona on this socket first (persona.use)");
        }
        List<LiveChannel> channels = followedBy(persona.id());
        Map<LiveChannel, Presence> before = new HashMap<>();
        channels.forEach(room -> before.put(room, room.presence(persona.id())));
        connection.personasInUse().put(persona.id(), status);
        channels.forEach(room -> {
            Presence now = room.presence(persona.id());
            if (now != before.get(room)) {
                broadcastAbout(room, persona.id(), new ServerMessage.PresenceChanged(room.name, persona.id(), now));
            }
        });
    }

    /** A socket closed: its personas go offline where it was their last socket. */
    public void disconnected(Connection connection) {
        for (String personaId : Set.copyOf(connection.personasInUse().keySet())) {
            online.computeIfPresent(personaId, (id, sockets) -> {
                sockets.remove(connection);
                return sockets.isEmpty() ? null : sockets;
            });
            for (LiveChannel room : followedBy(personaId)) {
                if (room.detach(personaId, connection)) {
                    broadcastAbout(room, personaId, new ServerMessage.PresenceChanged(room.name, personaId, Presence.OFFLINE));
                }
            }
        }
        connection.personasInUse().clear();
    }

    /**
     * Forgets a persona that is being deleted: it leaves every channel, and channels it owned pass to
     * their eldest remaining member. The database rows go with the persona.
     */
    public void forget(String personaId) {
        departEverywhere(personaId, "deleted");
    }

    /** The server's own copy of a message in a channel the persona is a member of, for a report. */
    public Views.Message storedMessage(Persona reporter, String channel, String messageId) {
        memberRoom(reporter, channel);
        return store.message(channel, messageId).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND,
                "no such message in that channel (it may be past the history retention)"));
    }

    /** The persona owning a channel, open or closed; {@code not_found} when there is no such channel. */
    public String ownerOf(String channel) {
        return store.channel(channel).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no such channel")).owner();
    }

    /** A banned persona disappears from every channel, as if deleted, and goes offline. */
    public void banish(String personaId) {
        departEverywhere(personaId, "banned");
    }

    private void departEverywhere(String personaId, String reason) {
        List<String> closed = store.closed();
        for (String channel : store.channelsOf(personaId)) {
            store.leave(channel, personaId);
            if (!closed.contains(channel)) depart(room(channel), personaId, reason);
        }
        online.remove(personaId);
    }

    /** A channel was closed (here or elsewhere): its audience is told and it stops being served. */
    public void closed(String channel) {
        LiveChannel room = loaded.remove(channel);
        if (room != null) broadcast(room, new ServerMessage.ChannelClosed(channel));
    }

    /** Stops serving channels closed by another process or the command line. */
    public void sweepClosed() {
        store.closed().forEach(this::closed);
    }

    /** Deletes history older than the retention. */
    public int sweepHistory() {
        return store.forgetBefore(retentionCutoff());
    }

    /** Finishes writing the messages already accepted. */
    @Override
    public void close() {
        history.close();
    }

    private Views.Joined follow(Connection connection, Persona persona, LiveChannel room) {
        goOnline(connection, persona);
        if (room.attach(persona.id(), connection)) {
            broadcastAbout(room, persona.id(), new ServerMessage.PresenceChanged(room.name, persona.id(),
                    room.presence(persona.id())));
        }
        return joined(room, persona, connection);
    }

    private void goOnline(Connection connection, Persona persona) {
        connection.personasInUse().putIfAbsent(persona.id(), Presence.ONLINE);
        online.computeIfAbsent(persona.id(), unused -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    private Views.Joined joined(LiveChannel room, Persona persona, Connection connection) {
        return new Views.Joined(room.name, room.topic(), persona.id(), visibleMembers(room, connection),
                visibleLines(store.history(room.name, retentionCutoff(), null, config.historyOnJoin()), connection));
    }

    private List<Views.Member> visibleMembers(LiveChannel room, Connection connection) {
        List<Views.Member> members = room.memberViews();
        if (!blocks.involves(connection.accountId())) return members;
        return members.stream().filter(member -> sees(connection, member.id())).toList();
    }

    private List<Views.Message> visibleLines(List<Views.Message> lines, Connection connection) {
        if (!blocks.involves(connection.accountId())) return lines;
        Blocks.Viewer viewer = viewer(connection);
        return lines.stream().filter(line -> !blocks.silences(viewer, line.persona().id())).toList();
    }

    /** The sockets that may hear of the persona: all but those on either side of a block, and, for its lines, its muters. */
    private List<Connection> visible(List<Connection> sockets, String personaId, boolean line) {
        String account = blocks.accountOf(personaId).orElse(null);
        if (account == null || !blocks.involves(account)) return sockets;
        return sockets.stream().filter(socket -> socket.accountId().equals(account) || !(line
                ? blocks.silences(viewer(socket), personaId) : blocks.hides(viewer(socket), personaId))).toList();
    }

    private boolean sees(Connection connection, String personaId) {
        return !blocks.hides(viewer(connection), personaId);
    }

    private static Blocks.Viewer viewer(Connection connection) {
        return new Blocks.Viewer(connection.accountId(), connection.personasInUse().keySet());
    }

    private void depart(LiveChannel room, String personaId, String reason) {
        Set<Connection> departed = room.remove(personaId);
        if (personaId.equals(room.owner())) {
            String heir = room.eldestOtherThan(personaId);
            store.owner(room.name, heir);
            room.owner(heir);
        }
        ServerMessage left = new ServerMessage.MemberLeft(room.name, personaId, reason);
        Connection.sendAll(visible(room.audience(), personaId, false), Codec.encode(left));
        // The persona's other sockets learn it too; a kicked persona's sockets were told by the kick.
        if (!reason.equals("kicked")) departed.forEach(socket -> socket.send(left));
    }

    private void broadcast(LiveChannel room, ServerMessage event) {
        Connection.sendAll(room.audience(), Codec.encode(event));
    }

    /** Sends news about a persona to everyone following the channel except the persona's own sockets. */
    private void broadcastAbout(LiveChannel room, String personaId, ServerMessage event) {
        List<Connection> audience = new ArrayList<>(room.audience());
        audience.removeAll(room.socketsOf(personaId));
        Connection.sendAll(visible(audience, personaId, false), Codec.encode(event));
    }

    private List<LiveChannel> followedBy(String personaId) {
        return loaded.values().stream().filter(room -> !room.socketsOf(personaId).isEmpty()).toList();
    }

    private LiveChannel memberRoom(Persona persona, String channel) {
        LiveChannel room = room(channel);
        if (!room.isMember(persona.id())) throw notMember();
        return room;
    }

    private LiveChannel room(String channel) {
        LiveChannel room = loaded.get(channel);
        if (room != null) return room;
        var row = store.channel(channel).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no such channel"));
        if (row.closed()) throw new ProtocolException(ErrorCode.CHANNEL_CLOSED, "that channel was closed");
        return loaded.computeIfAbsent(channel, name -> new LiveChannel(name, row.topic(), row.owner(), store.members(name)));
    }

    private long retentionCutoff() {
        return clock.millis() - Duration.ofHours(config.historyRetentionHours()).toMillis();
    }

    private static ProtocolException notMember() {
        return new ProtocolException(ErrorCode.NOT_MEMBER, "not a member of that channel");
    }
}
