package org.tryst.channels;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.HashMap;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.cluster.Online;
import org.tryst.cluster.Sight;
import org.tryst.cluster.Streams;
import org.tryst.config.Config;
import org.tryst.personas.Persona;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.Fields;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.safety.Blocks;
import org.tryst.storage.Database;
import org.tryst.storage.GroupCommit;
import org.tryst.storage.TimeOrderedIds;

/**
 * Public channels: membership and history in the database, published to the sockets following
 * them on every process. Every change is written first and then published; a line reaches its
 * audience and is acknowledged to its sender only once it is stored, numbered in its channel so that
 * a process that missed lines fetches them. Blocks hold here too: the two sides of a block do not
 * see each other in a channel at all (members, presence, lines, history), and a muted persona's
 * lines do not reach the muter.
 */
public final class Channels implements AutoCloseable {
    /** The kind of the channels' ordered streams, and the name of their cache. */
    static final String KIND = "channel";

    private final ChannelStore store;
    private final ReadMarkers readMarkers;
    private final GroupCommit<Waiting> history;
    private final Config.Channels config;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final Blocks blocks;
    private final Delivery delivery;
    private final Online online;
    private final Map<String, LiveChannel> loaded = new ConcurrentHashMap<>();

    public Channels(Database database, Config.Channels config, Blocks blocks, Delivery delivery, Online online, Streams streams, Clock clock) {
        this.blocks = blocks;
        this.delivery = delivery;
        this.online = online;
        this.store = new ChannelStore(database.sql(), !database.shared());
        this.readMarkers = new ReadMarkers(database.sql(), delivery);
        this.history = new GroupCommit<>("history-writer", 512, this::storeTogether);
        this.config = config;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock);
        delivery.cache(KIND, name -> {
            if (name == null) {
                // Every copy goes when events were lost: what the followed ones looked like is kept, to tell what changed.
                beforeOutage = seenHere();
                loaded.clear();
            } else {
                loaded.remove(name);
                // A channel followed here is read again at once, so that this copy is what its sockets were last told.
                if (delivery.channelsFollowed().contains(name)) Thread.startVirtualThread(() -> openRoom(name));
            }
        });
        streams.repairWith(KIND, this::missed);
        online.listen(this::presenceChanged);
        delivery.onResumed(this::resync);
        // Regrouped once this process's copies are read again, with the rest of what changed meanwhile.
        blocks.onReloaded((account, other, blocked) -> regroupAfterOutage.add(() -> regrouped(account, other, blocked, delivery::tellHere)));
    }

    /** The blocks that came or went while the bus lost events, whose news the channels' sockets here are still owed. */
    private final java.util.Queue<Runnable> regroupAfterOutage = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** What a channel followed here looked like when this process last knew it. */
    private record Seen(String topic, Set<String> members) {}

    private volatile Map<String, Seen> beforeOutage = Map.of();

    private Map<String, Seen> seenHere() {
        Map<String, Seen> seen = new HashMap<>();
        for (String channel : delivery.channelsFollowed()) {
            LiveChannel room = loaded.get(channel);
            if (room != null) seen.put(channel, new Seen(room.topic(), room.memberIds()));
        }
        return seen;
    }

    /**
     * After the bus lost events: each socket here follows what it should, and hears from this
     * process what changed meanwhile in the channels it followed (a topic, who came and went, a
     * closing), since the events that said so are gone.
     */
    private void resync() {
        Map<String, Seen> before = beforeOutage;
        beforeOutage = Map.of();
        before.forEach(this::tellWhatChanged);
        for (Runnable regroup = regroupAfterOutage.poll(); regroup != null; regroup = regroupAfterOutage.poll()) regroup.run();
        refollow();
    }

    private void tellWhatChanged(String channel, Seen before) {
        LiveChannel room = openRoom(channel);
        if (room == null) {
            delivery.tellHere(new Event.Tell(new Audience.Channel(channel), new ServerMessage.ChannelClosed(channel), Sight.ANYONE));
            delivery.receive(new Event.Disband(new Audience.Channel(channel), Streams.name(KIND, channel)));
            return;
        }
        if (!room.topic().equals(before.topic())) {
            delivery.tellHere(new Event.Tell(new Audience.Channel(channel), new ServerMessage.TopicChanged(channel, room.topic(), null),
                    Sight.ANYONE));
        }
        for (Persona member : room.members()) {
            if (!before.members().contains(member.id())) {
                delivery.tellHere(new Event.Tell(new Audience.Channel(channel), new ServerMessage.MemberJoined(channel, member(room, member)),
                        Sight.othersWhoSee(member.id())));
            }
        }
        for (String gone : before.members()) {
            if (!room.isMember(gone)) {
                delivery.tellHere(new Event.Tell(new Audience.Channel(channel), new ServerMessage.MemberLeft(channel, gone, "left"),
                        Sight.unlessHidden(gone)));
            }
        }
    }

    /** After the bus lost events: each socket here follows just the open channels its personas are members of now. */
    private void refollow() {
        for (Caller caller : delivery.callers()) {
            for (String persona : caller.personasInUse()) {
                delivery.refollow(caller, persona, Audience.Channel.class,
                        store.openChannelsOf(persona).stream().map(Audience.Channel::new).collect(java.util.stream.Collectors.toSet()));
            }
        }
    }

    /** The open channels; with {@code watch} set, the socket starts (true) or stops (false) hearing of their changes. */
    public List<Views.Channel> list(Caller caller, Boolean watch) {
        if (watch != null) delivery.watchDirectory(caller, watch);
        return store.channels().stream()
                .map(row -> new Views.Channel(row.name(), row.topic(), room(row.name()).size()))
                .toList();
    }

    /** Creates a channel owned by the persona, which joins it with the creating socket. */
    public Views.Joined create(Caller caller, Persona owner, String name, String topic) {
        store.create(name, topic == null ? "" : topic, owner.id(), clock.millis());
        changed(name);
        delivery.use(caller, owner.id());
        return follow(caller, owner, room(name), concerning(caller), ReadMarkers.Position.FRESH);
    }

    public Views.Joined join(Caller caller, Persona persona, String channel) {
        LiveChannel room = room(channel);
        // Online first, so that the channel hears the persona joined, online, and not also that it came online.
        delivery.use(caller, persona.id());
        store.join(channel, persona.id(), clock.millis());
        room.add(persona);
        changed(channel);
        delivery.publish(new Event.Follow(persona.id(), new Audience.Channel(channel)));
        tell(channel, new ServerMessage.MemberJoined(channel, member(room, persona)), Sight.othersWhoSee(persona.id()));
        return joined(room, persona, concerning(caller), ReadMarkers.Position.FRESH);
    }

    public void leave(Persona persona, String channel) {
        LiveChannel room = room(channel);
        if (!store.leave(channel, persona.id())) throw notMember();
        depart(room, persona.id(), "left");
    }

    /**
     * Stores a say or pose and then publishes it to the channel's audience; the future completes with
     * the line as stored, which is when the sender may be told it was sent. Lines wait for the disk
     * together (group commit), so what others see is only ever what is stored. A line with a client
     * id its persona already used is the first one again: answered as it was, and shown nobody twice.
     */
    public CompletableFuture<Views.Message> post(Persona persona, String channel, MessageKind kind, String text, String clientId) {
        if (Fields.characters(text) > config.maxTextLength()) {
            throw new ProtocolException(ErrorCode.TEXT_TOO_LONG, "messages are at most " + config.maxTextLength() + " characters");
        }
        memberRoom(persona, channel);
        Views.Message message = new Views.Message(ids.next(), channel, kind, persona.author(), text, clock.millis());
        Waiting line = new Waiting(new ChannelStore.Posted(message, clientId), new CompletableFuture<>());
        return history.submit(line).thenCompose(written -> line.stored());
    }

    /** A line waiting for the next batch, and the line as stored. */
    private record Waiting(ChannelStore.Posted posted, CompletableFuture<Views.Message> stored) {}

    /** Stores a batch of lines in one transaction, then publishes the new ones in order, each before its sender's reply. */
    private void storeTogether(List<Waiting> batch) {
        List<ChannelStore.Numbered> stored = store.appendAll(batch.stream().map(Waiting::posted).toList());
        for (int i = 0; i < batch.size(); i++) {
            Waiting line = batch.get(i);
            ChannelStore.Numbered numbered = stored.get(i);
            // A line stored before under its client id is published again: a process that already delivered it drops it by
            // its number, and one that never heard of it (its first process died before publishing) delivers it now.
            if (numbered.seq() > 0) delivery.publish(lineEvent(numbered));
            line.stored().complete(numbered.message());
        }
    }

    private static Event.Tell lineEvent(ChannelStore.Numbered line) {
        Views.Message message = line.message();
        return new Event.Tell(new Audience.Channel(message.channel()), new ServerMessage.ChannelMessage(message),
                Sight.unlessSilenced(message.persona().id()), new Event.Position(Streams.name(KIND, message.channel()), line.seq()));
    }

    /** The lines of a channel's stream between two positions, for a process that missed them. */
    private List<Event.Tell> missed(String stream, long after, long before) {
        String channel = stream.substring(KIND.length() + 1);
        return store.numberedBetween(channel, after, before).stream().map(Channels::lineEvent).toList();
    }

    public void topic(Persona persona, String channel, String topic) {
        LiveChannel room = memberRoom(persona, channel);
        store.topic(channel, topic);
        room.topic(topic);
        changed(channel);
        // The new topic reaches everyone; who set it, only those the setter is not hidden from.
        tell(channel, new ServerMessage.TopicChanged(channel, topic, persona.author()),
                new Sight(persona.id(), Sight.Rule.UNLESS_HIDDEN, new ServerMessage.TopicChanged(channel, topic, null), false));
    }

    /** The channel's members as the socket may see them. */
    public List<Views.Member> members(Caller caller, String channel) {
        return visibleMembers(room(channel), concerning(caller));
    }

    public List<Views.Message> history(Caller caller, Persona persona, String channel, String before, int limit) {
        memberRoom(persona, channel);
        return visibleLines(store.history(channel, retentionCutoff(), before, limit), concerning(caller));
    }

    /**
     * Shows at once, on every process, the effect of a block between two accounts (or its end) in the
     * channels they share: each side's sockets see the other's personas leave (or come back) as if
     * they had left or joined, which is all the other side can ever learn of a block.
     */
    public void regrouped(String accountA, String accountB, boolean blocked) {
        regrouped(accountA, accountB, blocked, delivery::publish);
    }

    /** {@link #regrouped(String, String, boolean)}, each piece of news going out by {@code tell}: everywhere, or here only. */
    private void regrouped(String accountA, String accountB, boolean blocked, Consumer<Event.Tell> tell) {
        for (String channel : store.sharedBy(accountA, accountB)) {
            LiveChannel room = openRoom(channel);
            if (room == null) continue;
            for (Persona a : room.membersOf(accountA)) {
                for (Persona b : room.membersOf(accountB)) {
                    tell.accept(regrouped(room, a, b, blocked));
                    tell.accept(regrouped(room, b, a, blocked));
                }
            }
        }
    }

    /** What the sockets online as {@code viewer} learn of {@code subject} after a block between them was made or ended. */
    private Event.Tell regrouped(LiveChannel room, Persona subject, Persona viewer, boolean blocked) {
        ServerMessage news = blocked ? new ServerMessage.MemberLeft(room.name, subject.id(), "left")
                : new ServerMessage.MemberJoined(room.name, member(room, subject));
        Sight.Rule rule = blocked ? Sight.Rule.ONLY_HIDDEN : Sight.Rule.UNLESS_HIDDEN;
        return new Event.Tell(new Audience.Persona(viewer.id()), news, new Sight(subject.id(), rule, null, false));
    }

    /** The owner removes a member, whose sockets are told and stop following the channel. */
    public void kick(Persona owner, String channel, String target, String reason) {
        LiveChannel room = memberRoom(owner, channel);
        if (!owner.id().equals(room.owner())) throw new ProtocolException(ErrorCode.FORBIDDEN, "only the channel's owner may kick");
        if (target.equals(owner.id())) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "the owner cannot kick itself");
        // Someone who blocked the owner is not here, for the owner; the owner may still remove someone it blocked.
        if (blocks.accountOf(target).filter(account -> blocks.blocksNow(account, owner.id())).isPresent()) throw notMember();
        if (!store.leave(channel, target)) throw notMember();
        delivery.publish(new Event.Tell(new Audience.Persona(target), new ServerMessage.Kicked(channel, target, owner.author(), reason),
                Sight.ANYONE));
        depart(room, target, "kicked");
    }

    /**
     * Puts a socket online as a persona in every open channel the persona belongs to, each with where
     * the persona stands in it: one reading of the blocks and one query of the marks for them all.
     */
    public List<Views.Joined> use(Caller caller, Persona persona) {
        delivery.use(caller, persona.id());
        Blocks.Concerning concerning = concerning(caller);
        return readMarkers.positions(persona.id(), persona.accountId(), concerning.silenced(), retentionCutoff()).entrySet().stream()
                .map(channel -> follow(caller, persona, room(channel.getKey()), concerning, channel.getValue())).toList();
    }

    /** Marks a channel read by the persona up to one of its lines; see {@link ReadMarkers#read}. */
    public void read(Caller caller, Persona persona, String channel, String message) {
        readMarkers.read(persona, viewer(caller), blocks, channel, message, retentionCutoff());
    }

    /** Changes a persona's status on one socket; the channels hear of it if the persona's presence changed. */
    public void presence(Caller caller, Persona persona, Presence status) {
        if (!delivery.status(caller, persona.id(), status)) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "use the persona on this socket first (persona.use)");
        }
    }

    /**
     * A persona's presence over every process changed: the channels followed here hear of it from
     * here, when what it shows changed (a busy persona going idle still shows busy).
     */
    private void presenceChanged(String personaId, Presence before, Presence now) {
        for (String channel : delivery.channelsFollowed()) {
            LiveChannel room = openRoom(channel);
            Persona member = room == null ? null : room.member(personaId);
            if (member == null || member.shownWhile(before) == member.shownWhile(now)) continue;
            delivery.tellHere(new Event.Tell(new Audience.Channel(channel),
                    new ServerMessage.PresenceChanged(channel, personaId, member.shownWhile(now), member.chosen().line()),
                    Sight.othersWhoSee(personaId)));
        }
    }

    /**
     * A persona chose another status or status line: each open channel it is in keeps it as it is
     * now, on every process, and hears {@code presence} when what it shows changed, the persona's
     * own other sockets too.
     */
    public void statusChanged(Persona before, Persona now) {
        Presence reachable = online.presence(now.id());
        boolean shows = now.shownWhile(reachable) != before.shownWhile(reachable) || !now.chosen().line().equals(before.chosen().line());
        for (String channel : store.openChannelsOf(now.id())) {
            LiveChannel room = openRoom(channel);
            if (room == null || !room.refresh(now)) continue;
            delivery.publishElsewhere(new Event.Changed(KIND, channel));
            if (shows && reachable != Presence.OFFLINE) {
                tell(channel, new ServerMessage.PresenceChanged(channel, now.id(), now.shownWhile(reachable), now.chosen().line()),
                        Sight.unlessHidden(now.id()));
            }
        }
    }

    /**
     * A persona's picture changed or went: each open channel it is in shows the member as it is now,
     * on every process, to those who may see it (a block hides it as it hides the member). Lines
     * show it too: history reads each author's picture with the lines, and lines sent from now on
     * carry the new one.
     */
    public void pictureChanged(Persona persona) {
        for (String channel : store.openChannelsOf(persona.id())) {
            LiveChannel room = openRoom(channel);
            if (room == null || !room.refresh(persona)) continue;
            delivery.publishElsewhere(new Event.Changed(KIND, channel));
            tell(channel, new ServerMessage.MemberUpdated(channel, member(room, persona)), Sight.unlessHidden(persona.id()));
        }
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

    /** A banned persona disappears from every channel, as if deleted. */
    public void banish(String personaId) {
        departEverywhere(personaId, "banned");
    }

    private void departEverywhere(String personaId, String reason) {
        List<String> closed = store.closed();
        for (String channel : store.channelsOf(personaId)) {
            store.leave(channel, personaId);
            if (!closed.contains(channel)) depart(room(channel), personaId, reason);
        }
    }

    /**
     * Marks a channel closed (at a time) or open again (null), in a moderator's transaction with its
     * audit entry; {@link #closed} then tells the processes. False when there is no such channel.
     */
    public static boolean markClosed(Handle handle, String channel, Long at) {
        return ChannelStore.markClosed(handle, channel, at);
    }

    /** A channel was closed: its audience everywhere is told, and no process serves it any more. */
    public void closed(String channel) {
        delivery.publish(new Event.Changed(KIND, channel));
        tell(channel, new ServerMessage.ChannelClosed(channel), Sight.ANYONE);
        delivery.publish(new Event.Tell(new Audience.Directory(), new ServerMessage.ChannelUnlisted(channel), Sight.ANYONE));
        delivery.publish(new Event.Disband(new Audience.Channel(channel), Streams.name(KIND, channel)));
    }

    /** A channel was opened again: every process reads it afresh, and the list shows it. */
    public void reopened(String channel) {
        delivery.publish(new Event.Changed(KIND, channel));
        changed(channel);
    }

    /** Stops serving channels closed by the command line, which has no bus to tell the processes with. */
    public void sweepClosed() {
        store.closed().stream().filter(loaded::containsKey).forEach(this::closed);
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

    private Views.Joined follow(Caller caller, Persona persona, LiveChannel room, Blocks.Concerning concerning, ReadMarkers.Position position) {
        delivery.follow(caller, persona.id(), room.name);
        return joined(room, persona, concerning, position);
    }

    /** A channel as the persona finds it; {@code concerning} is read once for all the channels of a persona.use. */
    private Views.Joined joined(LiveChannel room, Persona persona, Blocks.Concerning concerning, ReadMarkers.Position position) {
        return new Views.Joined(room.name, room.topic(), persona.id(), visibleMembers(room, concerning),
                visibleLines(store.history(room.name, retentionCutoff(), null, config.historyOnJoin()), concerning),
                position.read(), position.unread());
    }

    private Views.Member member(LiveChannel room, Persona persona) {
        return new Views.Member(persona.id(), persona.name(), persona.shownWhile(online.presence(persona.id())),
                persona.id().equals(room.owner()), persona.avatar(), persona.chosen().line());
    }

    private Blocks.Concerning concerning(Caller caller) {
        return blocks.concerning(viewer(caller));
    }

    private List<Views.Member> visibleMembers(LiveChannel room, Blocks.Concerning concerning) {
        return room.members().stream().filter(persona -> !concerning.hides(persona.id())).map(persona -> member(room, persona)).toList();
    }

    private List<Views.Message> visibleLines(List<Views.Message> lines, Blocks.Concerning concerning) {
        return lines.stream().filter(line -> !concerning.silences(line.persona().id())).toList();
    }

    private static Blocks.Viewer viewer(Caller caller) {
        return new Blocks.Viewer(caller.accountId(), caller.personasInUse());
    }

    private void depart(LiveChannel room, String personaId, String reason) {
        room.remove(personaId);
        if (personaId.equals(room.owner())) {
            String heir = room.eldestOtherThan(personaId);
            store.owner(room.name, heir);
            room.owner(heir);
        }
        changed(room.name);
        delivery.publish(new Event.Unfollow(personaId, new Audience.Channel(room.name)));
        ServerMessage left = new ServerMessage.MemberLeft(room.name, personaId, reason);
        tell(room.name, left, Sight.unlessHidden(personaId));
        // The persona's own sockets learn it too; a kicked persona's sockets were told by the kick.
        if (!reason.equals("kicked")) delivery.publish(new Event.Tell(new Audience.Persona(personaId), left, Sight.ANYONE));
    }

    private void tell(String channel, ServerMessage message, Sight sight) {
        delivery.publish(new Event.Tell(new Audience.Channel(channel), message, sight));
    }

    /** Every other process drops its copy of the channel; this one has changed its own. */
    private void changed(String channel) {
        delivery.publishElsewhere(new Event.Changed(KIND, channel));
        LiveChannel room = room(channel);
        delivery.publish(new Event.Tell(new Audience.Directory(), new ServerMessage.ChannelListed(
                new Views.Channel(channel, room.topic(), room.size())), Sight.ANYONE));
    }

    /** Refuses with {@code not_member} unless the persona is a member of the open channel. */
    public void requireMember(Persona persona, String channel) {
        memberRoom(persona, channel);
    }

    private LiveChannel memberRoom(Persona persona, String channel) {
        LiveChannel room = room(channel);
        if (!room.isMember(persona.id())) throw notMember();
        return room;
    }

    /** The channel, or null when it was closed or deleted meanwhile. */
    private LiveChannel openRoom(String channel) {
        try {
            return room(channel);
        } catch (ProtocolException gone) {
            return null;
        }
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
