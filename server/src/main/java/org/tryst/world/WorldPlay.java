package org.tryst.world;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tryst.accounts.Account;
import org.tryst.accounts.Accounts;
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
import org.tryst.protocol.Presence;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.safety.Blocks;

/**
 * Being in the world: entering and leaving it, moving through exits and home, and the news of it to
 * each room. A persona is in the world from {@code world.enter} until {@code world.leave}; every
 * socket online as it follows its room, and the room shows it while it is online.
 */
public final class WorldPlay {
    private final World world;
    private final WorldStore store;
    private final Occupancy occupancy;
    private final Whereabouts whereabouts;
    private final RoomViews views;
    private final Recognition recognition;
    private final Personas personas;
    private final Accounts accounts;
    private final Delivery delivery;
    private final Online online;
    private final Clock clock;

    public WorldPlay(World world, Personas personas, Accounts accounts, Blocks blocks, Delivery delivery, Online online, Config.World config,
                     Clock clock) {
        this.world = world;
        this.store = world.store();
        this.occupancy = new Occupancy(world, delivery);
        this.whereabouts = new Whereabouts(world, delivery);
        this.views = new RoomViews(world, occupancy, personas, online, blocks);
        this.recognition = new Recognition(config.recognition(), world.recognitions(), personas, accounts, delivery, clock);
        this.personas = personas;
        this.accounts = accounts;
        this.delivery = delivery;
        this.online = online;
        this.clock = clock;
        online.listen(this::presenceChanged);
        delivery.onResumed(this::refollow);
    }

    RoomViews views() {
        return views;
    }

    Occupancy occupancy() {
        return occupancy;
    }

    Recognition recognition() {
        return recognition;
    }

    /** A reply as the persona acting on this socket sees it: in a recognition world, others by the names it knows them by. */
    ServerMessage seenBy(Caller caller, Persona persona, ServerMessage reply) {
        return recognition.concerns(reply) ? recognition.seenBy(reply, caller.accountId(), persona.id()) : reply;
    }

    /** Enters the world as a persona the socket is online as; the room it is in, as this socket sees it. */
    public ServerMessage.WorldRoom enter(Caller caller, Persona persona, String requestId) {
        requireOnline(caller, persona);
        Room room = world.locationOf(persona.id());
        if (store.enter(persona.id())) {
            whereabouts.changed(persona.id());
            occupancy.arrived(room.id(), persona.id());
            delivery.publish(new Event.Follow(persona.id(), new Audience.Room(room.id())));
            tell(room, new ServerMessage.WorldArrived(room.id(), views.occupant(persona), null, "entered"), persona);
        } else {
            delivery.follow(caller, persona.id(), new Audience.Room(room.id()));
        }
        return (ServerMessage.WorldRoom) seenBy(caller, persona,
                new ServerMessage.WorldRoom(requestId, persona.id(), views.view(room), views.here(viewer(caller), room)));
    }

    /** Leaves the world: nobody sees the persona in its room until it enters again. */
    public void leave(Caller caller, Persona persona) {
        requireOnline(caller, persona);
        if (!store.leave(persona.id())) return;
        whereabouts.changed(persona.id());
        Room room = world.locationOf(persona.id());
        occupancy.departed(room.id(), persona.id());
        tell(room, new ServerMessage.WorldDeparted(room.id(), persona.author(), null, "left"), persona);
        delivery.publish(new Event.Unfollow(persona.id(), new Audience.Room(room.id())));
    }

    /** A socket went online as a persona that is in the world: it follows the persona's room. */
    public void rejoin(Caller caller, Persona persona) {
        whereabouts.changed(persona.id());
        whereabouts.roomOf(persona.id()).ifPresent(room -> delivery.follow(caller, persona.id(), new Audience.Room(room)));
    }

    /** The id of the persona's room, in the world on this socket, from memory; {@code not_in_world} otherwise. */
    String roomIdOf(Caller caller, Persona persona) {
        requireOnline(caller, persona);
        return whereabouts.roomOf(persona.id())
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_IN_WORLD, "enter the world first (world.enter)"));
    }

    /**
     * The room {@code roomId} as the setting of a private scene the persona makes there: its name and
     * description now. {@code not_in_world} unless the persona is in the world on this socket,
     * {@code not_found} for no such room, {@code forbidden} for a room the persona is not in.
     */
    public Views.Setting setting(Caller caller, Persona persona, String roomId) {
        String here = roomIdOf(caller, persona);
        Room room = world.room(roomId).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "there is no room \"" + roomId + "\""));
        if (!room.id().equals(here)) throw new ProtocolException(ErrorCode.FORBIDDEN, "a scene is set only in the room you are in");
        return new Views.Setting(room.id(), room.name(), room.description());
    }

    /** Many personas' places changed at once (a room destroyed): every process reads them again. */
    void placesChanged() {
        whereabouts.changedAll();
    }

    /** The persona, in the world on this socket; {@code not_in_world} otherwise. */
    Room here(Caller caller, Persona persona) {
        return world.room(roomIdOf(caller, persona)).orElseGet(world::start);
    }

    /**
     * Forgets what this process keeps of who is where, to read it again: an import by the command
     * line changes the world behind every process's back, and this bounds how long they miss it.
     */
    public void reread() {
        whereabouts.forgetHere();
        occupancy.forgetHere();
        recognition.forgetHere();
    }

    /** Goes through the exit of the persona's room that answers to the word (or its compass word). */
    public void go(Caller caller, Persona persona, String word) {
        Room from = here(caller, persona);
        Exit exit = exitFor(from, word).orElseThrow(() -> new ProtocolException(ErrorCode.NO_EXIT, "you cannot go \"" + word + "\" from here"));
        Room to = world.room(exit.to()).orElseThrow(() -> new ProtocolException(ErrorCode.NO_EXIT, "that exit leads nowhere"));
        Key key = key(caller, persona);
        if (exit.lock().isPresent() && !Lock.parse(exit.lock().get()).admits(key.inRoom(from))) {
            throw new ProtocolException(ErrorCode.LOCKED, "the way " + exit.name() + " is locked to you");
        }
        requireMayEnter(key, to);
        String back = world.exits(to.id()).stream().filter(candidate -> candidate.to().equals(from.id())).map(Exit::name).findFirst().orElse(null);
        relocate(persona, from, to, exit.name(), back, "moved");
    }

    /** Goes home: the room the persona linked as home, or the starting room. */
    public boolean home(Caller caller, Persona persona) {
        Room from = here(caller, persona);
        Room home = store.home(persona.id()).flatMap(world::room).orElseGet(world::start);
        if (home.id().equals(from.id())) return false;
        requireMayEnter(key(caller, persona), home);
        relocate(persona, from, home, null, null, "home");
        return true;
    }

    /** Moves a persona between rooms and tells both rooms and the persona's own sockets. */
    void relocate(Persona persona, Room from, Room to, String via, String back, String how) {
        store.place(persona.id(), to.id());
        whereabouts.changed(persona.id());
        occupancy.departed(from.id(), persona.id());
        occupancy.arrived(to.id(), persona.id());
        tell(from, new ServerMessage.WorldDeparted(from.id(), persona.author(), via, how), persona);
        delivery.publish(new Event.Unfollow(persona.id(), new Audience.Room(from.id())));
        delivery.publish(new Event.Follow(persona.id(), new Audience.Room(to.id())));
        tell(to, new ServerMessage.WorldArrived(to.id(), views.occupant(persona), back, how), persona);
        Blocks.Viewer itself = new Blocks.Viewer(persona.accountId(), List.of(persona.id()));
        delivery.publish(new Event.Tell(new Audience.Persona(persona.id()),
                new ServerMessage.WorldRoom(null, persona.id(), views.view(to), views.here(itself, to)), Sight.ANYONE));
    }

    /** Whether the account goes into adult-rated rooms. */
    public void adult(Caller caller, boolean on) {
        store.adult(caller.accountId(), on, clock.millis());
    }

    /** Whether the account opted in to adult areas ({@code @adult on}); the partner board asks the same for adult-rated ads. */
    public boolean optedInToAdult(String accountId) {
        return store.adult(accountId);
    }

    /** What a lock is tested against, for the persona acting on this socket. */
    Key key(Caller caller, Persona persona) {
        Account.Role role = accounts.byId(caller.accountId()).role();
        Set<String> carried = world.carriedBy(persona.id()).stream().map(Thing::id).collect(Collectors.toSet());
        return new Key(persona, role, store.adult(caller.accountId()), carried, null, personas);
    }

    /** A room's rating and lock let the persona in, or say why not. */
    void requireMayEnter(Key key, Room room) {
        if (room.rating() == Rating.ADULT && !key.adult()) {
            throw new ProtocolException(ErrorCode.ADULT_AREA, room.name() + " is an adult area: opt in first with @adult on");
        }
        if (room.lock().isPresent() && !Lock.parse(room.lock().get()).admits(key.inRoom(room))) {
            throw new ProtocolException(ErrorCode.LOCKED, room.name() + " is locked to you");
        }
    }

    Optional<Exit> exitFor(Room room, String word) {
        String compass = Command.COMPASS.get(word.toLowerCase(java.util.Locale.ROOT));
        List<Exit> exits = world.exits(room.id());
        return exits.stream().filter(exit -> exit.answersTo(word)).findFirst()
                .or(() -> compass == null ? Optional.empty() : exits.stream().filter(exit -> exit.answersTo(compass)).findFirst());
    }

    /** News about a persona for the others in the room who may see it. */
    void tell(Room room, ServerMessage news, Persona about) {
        delivery.publish(new Event.Tell(new Audience.Room(room.id()), news, Sight.othersWhoSee(about.id())));
    }

    /**
     * A persona in the world came online, went offline, or shows another status (it went idle): the
     * rooms followed here hear of it from here.
     */
    private void presenceChanged(String personaId, Presence before, Presence now) {
        for (String room : delivery.roomsFollowed()) {
            if (!occupancy.contains(room, personaId)) continue;
            Optional<Persona> persona = personas.byId(personaId);
            if (persona.isEmpty()) return;
            ServerMessage news;
            if (now == Presence.OFFLINE) news = new ServerMessage.WorldDeparted(room, persona.get().author(), null, "disconnected");
            else if (before == Presence.OFFLINE) news = new ServerMessage.WorldArrived(room, views.occupant(persona.get()), null, "connected");
            else if (persona.get().shownWhile(before) != persona.get().shownWhile(now)) news = statusNews(room, persona.get(), now);
            else continue;
            delivery.tellHere(new Event.Tell(new Audience.Room(room), news, Sight.othersWhoSee(personaId)));
        }
    }

    /** A persona chose another status or line: the room it is in hears of it, on every process, if it is online. */
    public void statusChanged(Persona before, Persona now) {
        Presence reachable = online.presence(now.id());
        if (reachable == Presence.OFFLINE || !store.inWorld(now.id())) return;
        if (now.shownWhile(reachable) == before.shownWhile(reachable) && now.chosen().line().equals(before.chosen().line())) return;
        Room room = world.locationOf(now.id());
        tell(room, statusNews(room.id(), now, reachable), now);
    }

    private static ServerMessage statusNews(String room, Persona persona, Presence reachable) {
        return new ServerMessage.WorldPresence(room, persona.id(), persona.shownWhile(reachable), persona.chosen().line());
    }

    /** The persona is in the world, in the room of that id: where it may say it is typing. */
    public void requireIn(Persona persona, String roomId) {
        if (!store.inWorld(persona.id()) || !world.locationOf(persona.id()).id().equals(roomId)) {
            throw new ProtocolException(ErrorCode.NOT_MEMBER, "that persona is not in that room");
        }
    }

    /** After the bus lost events: each socket here follows just the room of each of its personas in the world. */
    private void refollow() {
        for (Caller caller : delivery.callers()) {
            for (String persona : caller.personasInUse()) {
                Set<Audience.Room> rooms = store.inWorld(persona) ? Set.of(new Audience.Room(world.locationOf(persona).id())) : Set.of();
                delivery.refollow(caller, persona, Audience.Room.class, rooms);
            }
        }
    }

    /**
     * Shows at once the effect of a block between two accounts (or its end) in the rooms their
     * personas share: each side sees the other's go (or come back), all that a block ever tells.
     */
    public void regrouped(String accountA, String accountB, boolean blocked) {
        for (Persona a : inWorld(accountA)) {
            for (Persona b : inWorld(accountB)) {
                Room room = world.locationOf(a.id());
                if (!room.id().equals(world.locationOf(b.id()).id())) continue;
                regrouped(room, a, b, blocked);
                regrouped(room, b, a, blocked);
            }
        }
    }

    private void regrouped(Room room, Persona subject, Persona viewer, boolean blocked) {
        ServerMessage news = blocked ? new ServerMessage.WorldDeparted(room.id(), subject.author(), null, "gone")
                : new ServerMessage.WorldArrived(room.id(), views.occupant(subject), null, "joined");
        Sight.Rule rule = blocked ? Sight.Rule.ONLY_HIDDEN : Sight.Rule.UNLESS_HIDDEN;
        delivery.publish(new Event.Tell(new Audience.Persona(viewer.id()), news, new Sight(subject.id(), rule, null, false)));
    }

    private List<Persona> inWorld(String account) {
        return personas.of(account).stream().filter(persona -> store.inWorld(persona.id())).toList();
    }

    /** A persona being deleted leaves the world first, so that its room sees it go. */
    public void forget(Persona persona) {
        if (!store.inWorld(persona.id())) return;
        Room room = world.locationOf(persona.id());
        occupancy.departed(room.id(), persona.id());
        whereabouts.changed(persona.id());
        tell(room, new ServerMessage.WorldDeparted(room.id(), persona.author(), null, "gone"), persona);
    }

    static Blocks.Viewer viewer(Caller caller) {
        return new Blocks.Viewer(caller.accountId(), caller.personasInUse());
    }

    private static void requireOnline(Caller caller, Persona persona) {
        if (!caller.personasInUse().contains(persona.id())) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "use the persona on this socket first (persona.use)");
        }
    }

    /** The persona trying a lock, and what it holds; {@code room} is the room whose lock or exit it tries. */
    record Key(Persona persona, Account.Role role, boolean adult, Set<String> carried, Room room, Personas personas) implements Lock.Key {
        Key inRoom(Room room) {
            return new Key(persona, role, adult, carried, room, personas);
        }

        @Override
        public boolean ownsRoom() {
            return room != null && room.owner().flatMap(personas::byId).map(owner -> owner.accountId().equals(persona.accountId())).orElse(false);
        }

        @Override
        public boolean builds() {
            return role.builds();
        }

        @Override
        public boolean moderates() {
            return role.moderates();
        }

        @Override
        public boolean carries(String thingId) {
            return carried.contains(thingId);
        }

        @Override
        public boolean named(String name) {
            return persona.name().equalsIgnoreCase(name);
        }
    }
}
