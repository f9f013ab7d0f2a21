package org.tryst.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;

/**
 * This process's end of the bus: its live sockets of every transport, what each is online as and
 * follows, and the delivery of every event to them. Capabilities publish events here and never see a
 * socket; transports open and close {@link Caller}s. A message reaches each recipient once, filtered
 * there by its blocks and mutes, written by each transport's {@link Format} once for all its sockets.
 */
public final class Delivery implements Receiver {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Delivery.class);
    private volatile Visibility visibility;
    /** Whether an account shares typing, and so hears who is typing; every account does until told otherwise. */
    private volatile java.util.function.Predicate<String> sharesTyping = account -> true;
    /** Null (the usual case) when every recipient of a message sees the same message. */
    private volatile Lens lens;
    private final Online online;
    private final Streams streams;
    private final Map<String, Consumer<String>> caches = new ConcurrentHashMap<>();
    private final List<Runnable> resyncs = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<Caller> all = ConcurrentHashMap.newKeySet();
    private final Set<Caller> watchingDirectory = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Caller>> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Set<Caller>> bySession = new ConcurrentHashMap<>();
    private final Map<String, Set<Caller>> byPersona = new ConcurrentHashMap<>();
    private final Map<String, Set<Caller>> byDevice = new ConcurrentHashMap<>();
    /** Each followed audience's (a channel's, a room's) followers here, by the persona through which they follow it. */
    private final Map<Audience, Map<String, Set<Caller>>> byFollowed = new ConcurrentHashMap<>();
    /** Serialises what a device hears: its queue on attaching, then live messages, never the other way. */
    private final Stripes deviceLocks = new Stripes(256);
    /** Serialises the changes to what a persona's sockets are online as and follow here. */
    private final Stripes personaLocks = new Stripes(256);
    private final AtomicLong opened = new AtomicLong();
    /** Makes socket ids unique across processes without asking any other. */
    private final String prefix = org.tryst.storage.Ids.random() + "-";
    private volatile Bus bus;

    public Delivery(Online online, Streams streams) {
        this.online = online;
        this.streams = streams;
    }

    /**
     * Starts publishing through the bus, which delivers here, filtering by the visibility, which
     * publishes here: the three are made together, once, before any socket opens.
     */
    public void start(Bus bus, Visibility visibility) {
        this.bus = bus;
        this.visibility = visibility;
        online.start(bus);
    }

    /** Publishes an event to every process, this one first. */
    public void publish(Event event) {
        bus.publish(event);
    }

    /** Publishes an event to the other processes only, for a change this one has made to its own copy already. */
    public void publishElsewhere(Event event) {
        bus.publishElsewhere(event);
    }

    /** Who shares typing, asked of each recipient of a {@link Sight#typing} event. */
    public void typingSharedBy(java.util.function.Predicate<String> accountShares) {
        this.sharesTyping = accountShares;
    }

    /** A process's cache, by name, to be told when another process changed one of its facts. */
    public void cache(String name, Consumer<String> drop) {
        caches.put(name, drop);
    }

    /** Shows the messages it concerns to each recipient as it sees them, from now on. */
    public void lens(Lens lens) {
        this.lens = lens;
    }

    /** Work to do when the bus is back after events may have been lost: set again what cannot be repaired by number. */
    public void onResumed(Runnable resync) {
        resyncs.add(resync);
    }

    // The transport's side.

    /** An authenticated socket opened; it hears its account's and its session's events from now. */
    public Caller open(Outbox outbox, String accountId, String sessionId, String address) {
        Caller caller = new Caller(prefix + opened.incrementAndGet(), outbox, accountId, sessionId, address);
        all.add(caller);
        add(byAccount, accountId, caller);
        add(bySession, sessionId, caller);
        return caller;
    }

    /** A socket closed: it follows nothing more, and its personas go offline where it was their last socket here. */
    public void closed(Caller caller) {
        all.remove(caller);
        watchingDirectory.remove(caller);
        remove(byAccount, caller.accountId(), caller);
        remove(bySession, caller.sessionId(), caller);
        String device = caller.device;
        if (device != null) deviceLocks.locked(device, () -> remove(byDevice, device, caller));
        for (String persona : Set.copyOf(caller.personas.keySet())) putDown(caller, persona);
    }

    /** Whether the account has a socket here. */
    public boolean hasSockets(String accountId) {
        return byAccount.containsKey(accountId);
    }

    /** The authenticated sockets here. */
    public int size() {
        return all.size();
    }

    /** Every authenticated socket here, as a snapshot. */
    public List<Caller> callers() {
        return List.copyOf(all);
    }

    // The capabilities' side, for the socket a request came from, which is always here.

    /** Writes a message to the socket a request came from. */
    public void reply(Caller caller, ServerMessage message) {
        caller.outbox.send(message);
    }

    /** Closes the socket a request came from, after its last message. */
    public void close(Caller caller, ServerMessage last, int code, String reason) {
        caller.outbox.close(last, code, reason);
    }

    /** Puts the socket online as a persona, if it is not yet. */
    public void use(Caller caller, String persona) {
        personaLocks.locked(persona, () -> {
            if (caller.personas.putIfAbsent(persona, Presence.ONLINE) == null) add(byPersona, persona, caller);
            online.here(persona, presenceHere(persona));
        });
    }

    /** Sets the socket's status as a persona it is online as; false when it is not online as it. */
    public boolean status(Caller caller, String persona, Presence status) {
        return personaLocks.locked(persona, () -> {
            if (caller.personas.replace(persona, status) == null) return false;
            online.here(persona, presenceHere(persona));
            return true;
        });
    }

    /** The socket starts or stops hearing the changes to the list of channels. */
    public void watchDirectory(Caller caller, boolean watch) {
        if (watch) watchingDirectory.add(caller);
        else watchingDirectory.remove(caller);
    }

    /** The socket follows a channel as one of the personas it is online as. */
    public void follow(Caller caller, String persona, String channel) {
        follow(caller, persona, new Audience.Channel(channel));
    }

    /** The socket follows a channel or a room of the world as one of the personas it is online as. */
    public void follow(Caller caller, String persona, Audience audience) {
        personaLocks.locked(persona, () -> {
            if (caller.personas.containsKey(persona)) followAs(caller, persona, audience);
        });
    }

    /**
     * Binds the socket to a device and sends it, under the device's lock, what {@code backlog} gives
     * (given the device's queue): live messages for the device wait meanwhile, so they come after it.
     */
    public void attach(Caller caller, String device, Supplier<List<ServerMessage>> backlog) {
        deviceLocks.locked(device, () -> {
            caller.device = device;
            add(byDevice, device, caller);
            backlog.get().forEach(caller.outbox::send);
        });
    }

    /**
     * Makes the socket follow exactly these audiences of one kind (channels, rooms) as the persona:
     * what it should, after events may have been lost.
     */
    public void refollow(Caller caller, String persona, Class<? extends Audience> kind, Set<? extends Audience> audiences) {
        personaLocks.locked(persona, () -> {
            if (!caller.personas.containsKey(persona)) return;
            for (Audience followed : Set.copyOf(caller.followed.keySet())) {
                if (kind.isInstance(followed) && !audiences.contains(followed)) unfollowAs(caller, persona, followed);
            }
            audiences.forEach(audience -> followAs(caller, persona, audience));
        });
    }

    /** The channels some socket here follows. */
    public Set<String> channelsFollowed() {
        Set<String> channels = new HashSet<>();
        for (Audience followed : byFollowed.keySet()) if (followed instanceof Audience.Channel(String name)) channels.add(name);
        return channels;
    }

    /** The rooms of the world some socket here follows. */
    public Set<String> roomsFollowed() {
        Set<String> rooms = new HashSet<>();
        for (Audience followed : byFollowed.keySet()) if (followed instanceof Audience.Room(String id)) rooms.add(id);
        return rooms;
    }

    /** Whether a socket here follows the channel as the persona. */
    public boolean followsAs(String channel, String persona) {
        return !byFollowed.getOrDefault(new Audience.Channel(channel), Map.of()).getOrDefault(persona, Set.of()).isEmpty();
    }

    /** Delivers a message to this process's sockets only: for news each process works out for itself, such as presence. */
    public void tellHere(Event.Tell tell) {
        tell(tell);
    }

    // The bus's side.

    @Override
    public void receive(Event event) {
        switch (event) {
            case Event.Tell tell when tell.position() != null -> streams.deliver(tell, this::tell);
            case Event.Tell tell -> tell(tell);
            case Event.Follow follow -> following(follow.persona(), follow.audience(), true);
            case Event.Unfollow unfollow -> following(unfollow.persona(), unfollow.audience(), false);
            case Event.Disband disband -> disband(disband);
            case Event.Release release -> release(release.persona());
            case Event.Close close -> recipients(close.to()).stream().filter(caller -> !caller.id().equals(close.exceptSocket()))
                    .forEach(caller -> caller.outbox.close(close.last(), close.code(), close.reason()));
            case Event.Changed changed -> {
                Consumer<String> drop = caches.get(changed.cache());
                if (drop != null) drop.accept(changed.key());
            }
            case Event.NodePresence presence -> online.received(presence);
            case Event.NodeAlive alive -> online.received(alive);
            case Event.NodeJoined joined -> online.received(joined);
        }
    }

    @Override
    public void resumed() {
        caches.values().forEach(drop -> drop.accept(null));
        resyncs.forEach(Runnable::run);
        online.resumed();
        streams.catchUp(this::tell);
    }

    private void tell(Event.Tell tell) {
        if (tell.to() instanceof Audience.Devices devices) {
            for (String device : devices.ids()) {
                deviceLocks.locked(device, () -> write(tell, byDevice.getOrDefault(device, Set.of())));
            }
        } else {
            write(tell, recipients(tell.to()));
        }
    }

    /** Writes the message to those of the sockets its sight lets hear it, and the sight's other message to the rest. */
    private void write(Event.Tell tell, Collection<Caller> sockets) {
        if (sockets.isEmpty()) return;
        Sight sight = tell.sight();
        Lens lens = this.lens;
        if (lens != null && lens.concerns(tell.message())) {
            writeSeen(lens, tell, sockets);
            return;
        }
        if (sight.rule() == Sight.Rule.ANYONE && !sight.skipAbout()) {
            writeAll(tell.message(), sockets);
            return;
        }
        String aboutAccount = visibility.accountOf(sight.about()).orElse(null);
        List<Caller> hearing = new ArrayList<>();
        List<Caller> others = new ArrayList<>();
        for (Caller socket : sockets) {
            if (sight.skipAbout() && socket.personas.containsKey(sight.about())) continue;
            if (sight.skipAlso() != null && socket.personas.containsKey(sight.skipAlso())) continue;
            (hears(socket, sight, aboutAccount) ? hearing : others).add(socket);
        }
        writeAll(tell.message(), hearing);
        if (sight.otherwise() != null) writeAll(sight.otherwise(), others);
    }

    /**
     * Writes each recipient the message as the lens shows it to it, and the sight's other message to
     * those the sight leaves out: one write per distinct view, so recipients who see alike share one.
     */
    private void writeSeen(Lens lens, Event.Tell tell, Collection<Caller> sockets) {
        Sight sight = tell.sight();
        String aboutAccount = sight.about() == null ? null : visibility.accountOf(sight.about()).orElse(null);
        Map<ServerMessage, List<Caller>> byView = new java.util.LinkedHashMap<>();
        for (Caller socket : sockets) {
            if (sight.skipAbout() && socket.personas.containsKey(sight.about())) continue;
            if (sight.skipAlso() != null && socket.personas.containsKey(sight.skipAlso())) continue;
            boolean hearing = hears(socket, sight, aboutAccount);
            ServerMessage message = hearing ? tell.message() : sight.otherwise();
            if (message == null) continue;
            ServerMessage seen;
            try {
                seen = lens.seenBy(message, socket.accountId(), viewer(socket, tell.to()));
            } catch (RuntimeException e) {
                // Better that one recipient misses a message than that it sees what the lens would hide, or the rest miss it.
                log.atWarn().setCause(e).addKeyValue("socket", socket.logId()).log("a message could not be shown as its recipient sees it");
                continue;
            }
            byView.computeIfAbsent(seen, view -> new ArrayList<>()).add(socket);
        }
        byView.forEach(Delivery::writeAll);
    }

    /** The persona through which the socket hears the audience: the one it follows a room as, or the one addressed. */
    private static String viewer(Caller socket, Audience audience) {
        if (audience instanceof Audience.Persona(String id)) return id;
        Set<String> through = socket.followed.getOrDefault(audience, Set.of());
        if (!through.isEmpty()) return through.iterator().next();
        return socket.personas.keySet().stream().findFirst().orElse(null);
    }

    private boolean hears(Caller socket, Sight sight, String aboutAccount) {
        boolean own = socket.accountId().equals(aboutAccount);
        return switch (sight.rule()) {
            case ANYONE -> true;
            case UNLESS_HIDDEN -> own || !visibility.hides(socket.accountId(), socket.personas.keySet(), sight.about());
            case UNLESS_SILENCED -> own || !visibility.silences(socket.accountId(), socket.personas.keySet(), sight.about());
            case ONLY_HIDDEN -> !own && visibility.hides(socket.accountId(), socket.personas.keySet(), sight.about());
            case TYPING -> sharesTyping.test(socket.accountId())
                    && (own || !visibility.silences(socket.accountId(), socket.personas.keySet(), sight.about()));
        };
    }

    /** One write per transport format, each encoding the message once for all its sockets. */
    private static void writeAll(ServerMessage message, Collection<Caller> sockets) {
        if (sockets.isEmpty()) return;
        Map<Format, List<Outbox>> byFormat = new HashMap<>();
        for (Caller socket : sockets) byFormat.computeIfAbsent(socket.outbox.format(), format -> new ArrayList<>()).add(socket.outbox);
        byFormat.forEach((format, outboxes) -> format.write(message, outboxes));
    }

    private Collection<Caller> recipients(Audience audience) {
        return switch (audience) {
            case Audience.Channel _, Audience.Room _ -> {
                Map<String, Set<Caller>> followers = byFollowed.get(audience);
                if (followers == null) yield List.of();
                if (followers.size() == 1) yield followers.values().iterator().next();
                Set<Caller> everyone = new HashSet<>();
                followers.values().forEach(everyone::addAll);
                yield everyone;
            }
            case Audience.Devices devices -> {
                Set<Caller> sockets = new HashSet<>();
                devices.ids().forEach(device -> sockets.addAll(byDevice.getOrDefault(device, Set.of())));
                yield sockets;
            }
            case Audience.Account account -> byAccount.getOrDefault(account.id(), Set.of());
            case Audience.Session session -> bySession.getOrDefault(session.id(), Set.of());
            case Audience.Persona persona -> byPersona.getOrDefault(persona.id(), Set.of());
            case Audience.Directory _ -> watchingDirectory;
        };
    }

    /** The sockets here online as a persona start or stop following an audience as it; only channels and rooms are followed so. */
    private void following(String persona, Audience audience, boolean follow) {
        if (!followable(audience)) return;
        personaLocks.locked(persona, () -> {
            for (Caller caller : byPersona.getOrDefault(persona, Set.of())) {
                if (follow) followAs(caller, persona, audience);
                else unfollowAs(caller, persona, audience);
            }
        });
    }

    private static boolean followable(Audience audience) {
        return audience instanceof Audience.Channel || audience instanceof Audience.Room;
    }

    /** No socket here follows a channel (or room) any more, and its stream is forgotten. */
    private void disband(Event.Disband disband) {
        if (followable(disband.audience())) {
            Map<String, Set<Caller>> followers = byFollowed.getOrDefault(disband.audience(), Map.of());
            for (var persona : Map.copyOf(followers).entrySet()) {
                personaLocks.locked(persona.getKey(), () -> Set.copyOf(persona.getValue())
                        .forEach(caller -> unfollowAs(caller, persona.getKey(), disband.audience())));
            }
        }
        if (disband.stream() != null) streams.forget(disband.stream());
    }

    /** No socket here is online as the persona any more. */
    private void release(String persona) {
        personaLocks.locked(persona, () -> {
            for (Caller caller : Set.copyOf(byPersona.getOrDefault(persona, Set.of()))) putDown(caller, persona);
        });
    }

    /** The socket is no longer online as the persona, nor follows anything as it. */
    private void putDown(Caller caller, String persona) {
        personaLocks.locked(persona, () -> {
            if (caller.personas.remove(persona) == null) return;
            remove(byPersona, persona, caller);
            for (Audience followed : Set.copyOf(caller.followed.keySet())) unfollowAs(caller, persona, followed);
            online.here(persona, presenceHere(persona));
        });
    }

    private void followAs(Caller caller, String persona, Audience audience) {
        byFollowed.computeIfAbsent(audience, name -> new ConcurrentHashMap<>()).computeIfAbsent(persona, id -> ConcurrentHashMap.newKeySet())
                .add(caller);
        caller.followed.computeIfAbsent(audience, name -> ConcurrentHashMap.newKeySet()).add(persona);
    }

    private void unfollowAs(Caller caller, String persona, Audience audience) {
        byFollowed.computeIfPresent(audience, (name, followers) -> {
            followers.computeIfPresent(persona, (id, sockets) -> {
                sockets.remove(caller);
                return sockets.isEmpty() ? null : sockets;
            });
            return followers.isEmpty() ? null : followers;
        });
        caller.followed.computeIfPresent(audience, (name, personas) -> {
            personas.remove(persona);
            return personas.isEmpty() ? null : personas;
        });
    }

    /** The persona's presence on this process: the best status of its sockets here. */
    private Presence presenceHere(String persona) {
        Set<Caller> sockets = byPersona.getOrDefault(persona, Set.of());
        if (sockets.isEmpty()) return Presence.OFFLINE;
        return sockets.stream().anyMatch(socket -> socket.personas.get(persona) == Presence.ONLINE) ? Presence.ONLINE : Presence.AWAY;
    }

    private static void add(Map<String, Set<Caller>> index, String key, Caller caller) {
        index.computeIfAbsent(key, unused -> ConcurrentHashMap.newKeySet()).add(caller);
    }

    private static void remove(Map<String, Set<Caller>> index, String key, Caller caller) {
        index.computeIfPresent(key, (unused, sockets) -> {
            sockets.remove(caller);
            return sockets.isEmpty() ? null : sockets;
        });
    }
}
