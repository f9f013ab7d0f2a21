package org.tryst.world;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tryst.accounts.Account;
import org.tryst.accounts.Accounts;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.cluster.Sight;
import org.tryst.config.Config;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.storage.TimeOrderedIds;

/**
 * Building the world: builders dig rooms, open exits and make things within their account's quotas,
 * and change only what their own personas own; moderators and operators change anything, send a
 * persona back to the start, and undo a room's changes one by one.
 */
final class Building {
    private static final String ID_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final WorldPlay play;
    private final World world;
    private final WorldStore store;
    private final Personas personas;
    private final Accounts accounts;
    private final Delivery delivery;
    private final Config.World quotas;
    private final Clock clock;
    private final TimeOrderedIds editIds;
    private final SecureRandom random = new SecureRandom();
    private final Audit audit;

    /** Where a moderator's changes to what others own are written down: the audit log. */
    public interface Audit {
        void record(String actorAccount, String action, String target, String reason);
    }

    Building(WorldPlay play, World world, Personas personas, Accounts accounts, Delivery delivery, Config.World quotas, Audit audit, Clock clock) {
        this.audit = audit;
        this.play = play;
        this.world = world;
        this.store = world.store();
        this.personas = personas;
        this.accounts = accounts;
        this.delivery = delivery;
        this.quotas = quotas;
        this.clock = clock;
        this.editIds = new TimeOrderedIds(clock);
    }

    /** Carries out a building command; the sentence that says what was done. */
    String build(Caller caller, Persona persona, Command.Building command) {
        Room here = play.here(caller, persona);
        Account.Role role = requireBuilder(caller);
        return switch (command) {
            case Command.Dig dig -> dig(caller, persona, role, here, dig);
            case Command.Open open -> open(caller, persona, role, here, open);
            case Command.Create create -> create(caller, persona, role, here, create);
            case Command.Name name -> name(caller, persona, role, here, name);
            case Command.SetLock lock -> lock(caller, persona, role, here, lock);
            case Command.Link link -> link(caller, persona, role, here, link);
            case Command.Destroy destroy -> destroy(caller, persona, role, here, destroy.target());
            case Command.Rate rate -> {
                requireMayEdit(caller, role, here);
                editRoom(persona, here, new Room(here.id(), here.name(), here.description(), here.owner(), rate.rating(), here.lock()));
                yield here.name() + " is now rated " + rate.rating().word() + ".";
            }
        };
    }

    /** {@code @describe}: the persona itself ({@code me}), the room, or a thing. */
    String describe(Caller caller, Persona persona, String target, String text) {
        requireDescription(text);
        Room here = play.here(caller, persona);
        if (target.equalsIgnoreCase("me")) {
            world.describe(persona.id(), text);
            return "Your description is set.";
        }
        Account.Role role = requireBuilder(caller);
        if (target.equalsIgnoreCase("here")) {
            requireMayEdit(caller, role, here);
            editRoom(persona, here, new Room(here.id(), here.name(), text, here.owner(), here.rating(), here.lock()));
            return "The room's description is set.";
        }
        Thing thing = thing(caller, persona, role, here, target);
        store.put(new Thing(thing.id(), thing.name(), text, thing.place(), thing.portable(), thing.owner()));
        return "The description of " + thing.name() + " is set.";
    }

    private String dig(Caller caller, Persona persona, Account.Role role, Room here, Command.Dig dig) {
        requireName(dig.name());
        WorldStore.Owned owned = store.ownedBy(caller.accountId());
        if (owned.rooms() >= quotas.roomsPerAccount() && !role.moderates()) throw quota("rooms", quotas.roomsPerAccount());
        if (dig.exit() != null) {
            requireMayEdit(caller, role, here);
            int exits = dig.back() == null ? 1 : 2;
            if (owned.exits() + exits > quotas.exitsPerAccount() && !role.moderates()) throw quota("exits", quotas.exitsPerAccount());
        }
        Room room = new Room(newRoomId(dig.name()), dig.name().strip(), "", Optional.of(persona.id()), Rating.GENERAL, Optional.empty());
        store.put(room);
        String said = "Dug " + room.name() + " (" + room.id() + ").";
        if (dig.exit() != null) said += " " + addExit(here, dig.exit(), room);
        if (dig.back() != null) said += " " + addExit(room, dig.back(), here);
        return said;
    }

    private String open(Caller caller, Persona persona, Account.Role role, Room here, Command.Open open) {
        requireMayEdit(caller, role, here);
        Room to = world.room(open.room().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no room has the id \"" + open.room() + "\""));
        int exits = open.back() == null ? 1 : 2;
        if (open.back() != null) requireMayEdit(caller, role, to);
        if (store.ownedBy(caller.accountId()).exits() + exits > quotas.exitsPerAccount() && !role.moderates()) {
            throw quota("exits", quotas.exitsPerAccount());
        }
        String said = addExit(here, open.exit(), to);
        if (open.back() != null) said += " " + addExit(to, open.back(), here);
        return said;
    }

    /** Opens an exit named {@code words} ({@code name;alias;alias}) from one room to another, and shows the room the change. */
    private String addExit(Room from, String words, Room to) {
        List<String> all = Arrays.stream(words.split(";")).map(String::strip).filter(word -> !word.isEmpty()).toList();
        if (all.isEmpty() || all.size() > WorldLimits.MAX_ALIASES + 1 || !all.stream().allMatch(word -> WorldLimits.WORD.matcher(word).matches())) {
            throw invalid("an exit is one word, with up to " + WorldLimits.MAX_ALIASES + " more after \";\" (north;n)");
        }
        for (Exit existing : world.exits(from.id())) {
            for (String word : all) {
                if (existing.answersTo(word)) throw new ProtocolException(ErrorCode.NAME_TAKEN, "an exit of " + from.name() + " already answers to \"" + word + "\"");
            }
        }
        Exit exit = new Exit(newId(from.id() + "-" + all.getFirst()), from.id(), all.getFirst(), all.subList(1, all.size()), to.id(), Optional.empty());
        store.put(exit);
        updated(from);
        return "Opened " + exit.name() + " from " + from.name() + " to " + to.name() + ".";
    }

    private String create(Caller caller, Persona persona, Account.Role role, Room here, Command.Create create) {
        requireName(create.name());
        if (store.ownedBy(caller.accountId()).things() >= quotas.thingsPerAccount() && !role.moderates()) {
            throw quota("things", quotas.thingsPerAccount());
        }
        if (create.fixed()) requireMayEdit(caller, role, here);
        Place place = create.fixed() ? new Place.InRoom(here.id()) : new Place.CarriedBy(persona.id());
        Thing thing = new Thing(newId(create.name()), create.name().strip(), "", place, !create.fixed(), Optional.of(persona.id()));
        store.put(thing);
        if (create.fixed()) updated(here);
        return "Made " + thing.name() + (create.fixed() ? ", fixed in this room." : "; you carry it.");
    }

    private String name(Caller caller, Persona persona, Account.Role role, Room here, Command.Name name) {
        if (name.target().equalsIgnoreCase("here")) {
            requireName(name.name());
            requireMayEdit(caller, role, here);
            editRoom(persona, here, new Room(here.id(), name.name().strip(), here.description(), here.owner(), here.rating(), here.lock()));
            return "The room is now called " + name.name().strip() + ".";
        }
        Optional<Exit> exit = play.exitFor(here, name.target());
        if (exit.isPresent()) {
            requireMayEdit(caller, role, here);
            if (!WorldLimits.WORD.matcher(name.name()).matches()) throw invalid("an exit's name is one word");
            Exit renamed = exit.get();
            store.put(new Exit(renamed.id(), renamed.from(), name.name(), renamed.aliases(), renamed.to(), renamed.lock()));
            updated(here);
            return "The exit " + renamed.name() + " is now " + name.name() + ".";
        }
        requireName(name.name());
        Thing thing = thing(caller, persona, role, here, name.target());
        store.put(new Thing(thing.id(), name.name().strip(), thing.description(), thing.place(), thing.portable(), thing.owner()));
        if (thing.place() instanceof Place.InRoom) updated(here);
        return thing.name() + " is now called " + name.name().strip() + ".";
    }

    private String lock(Caller caller, Persona persona, Account.Role role, Room here, Command.SetLock lock) {
        Optional<String> expression = Optional.ofNullable(lock.expression());
        if (expression.isPresent()) {
            if (expression.get().length() > WorldLimits.MAX_LOCK) throw invalid("a lock is at most " + WorldLimits.MAX_LOCK + " characters");
            try {
                Lock.parse(expression.get());
            } catch (InvalidWorld wrong) {
                throw invalid(wrong.getMessage());
            }
        }
        requireMayEdit(caller, role, here);
        String said = expression.map(text -> "Locked: " + text + ".").orElse("Unlocked.");
        if (lock.target().equalsIgnoreCase("here")) {
            editRoom(persona, here, new Room(here.id(), here.name(), here.description(), here.owner(), here.rating(), expression));
            return said;
        }
        Exit exit = play.exitFor(here, lock.target()).orElseThrow(() -> new ProtocolException(ErrorCode.NO_EXIT, "no exit \"" + lock.target() + "\" here"));
        store.put(new Exit(exit.id(), exit.from(), exit.name(), exit.aliases(), exit.to(), expression));
        return said;
    }

    private String link(Caller caller, Persona persona, Account.Role role, Room here, Command.Link link) {
        if (link.target().equalsIgnoreCase("me")) {
            Room home = link.room().equalsIgnoreCase("here") ? here : room(link.room());
            play.requireMayEnter(play.key(caller, persona), home);
            store.home(persona.id(), home.id());
            return "Your home is now " + home.name() + ".";
        }
        requireMayEdit(caller, role, here);
        Exit exit = play.exitFor(here, link.target()).orElseThrow(() -> new ProtocolException(ErrorCode.NO_EXIT, "no exit \"" + link.target() + "\" here"));
        Room to = room(link.room());
        store.put(new Exit(exit.id(), exit.from(), exit.name(), exit.aliases(), to.id(), exit.lock()));
        updated(here);
        return "The exit " + exit.name() + " now leads to " + to.name() + ".";
    }

    private String destroy(Caller caller, Persona persona, Account.Role role, Room here, String target) {
        if (target.equalsIgnoreCase("here")) {
            requireMayEdit(caller, role, here);
            Room start = world.start();
            if (start.id().equals(here.id())) throw new ProtocolException(ErrorCode.FORBIDDEN, "the starting room cannot be destroyed");
            for (Persona occupant : play.views().present(here.id())) play.relocate(occupant, here, start, null, null, "room_gone");
            store.deleteRoom(here.id());
            play.placesChanged();
            play.occupancy().forget(here.id());
            play.occupancy().forget(start.id());
            return "Destroyed " + here.name() + ".";
        }
        Optional<Exit> exit = play.exitFor(here, target);
        if (exit.isPresent()) {
            requireMayEdit(caller, role, here);
            store.deleteExit(exit.get().id());
            updated(here);
            return "Destroyed the exit " + exit.get().name() + ".";
        }
        Thing thing = thing(caller, persona, role, here, target);
        store.deleteThing(thing.id());
        if (thing.place() instanceof Place.InRoom) updated(here);
        return "Destroyed " + thing.name() + ".";
    }

    /** A moderator sends a persona in this room back to the starting room. */
    String eject(Caller caller, Persona persona, String name) {
        Room here = play.here(caller, persona);
        if (!accounts.byId(caller.accountId()).role().moderates()) throw new ProtocolException(ErrorCode.FORBIDDEN, "only moderators eject");
        Persona other = Matching.find(play.views().present(here.id()), name, Persona::name)
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "nobody called \"" + name + "\" is here"));
        Room start = world.start();
        if (start.id().equals(here.id())) throw new ProtocolException(ErrorCode.FORBIDDEN, "this is the starting room already");
        play.relocate(other, here, start, null, null, "moved_by_moderator");
        return other.name() + " is back in " + start.name() + ".";
    }

    /** The room's owner or a moderator puts the room back as it was before its newest change. */
    String undo(Caller caller, Persona persona, String target) {
        Room here = play.here(caller, persona);
        if (!target.equalsIgnoreCase("here")) throw invalid("@undo here");
        requireMayEdit(caller, accounts.byId(caller.accountId()).role(), here);
        Room restored = store.undo(here.id()).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "this room has no change to undo"));
        updated(restored);
        return "Undone: " + restored.name() + " is as it was before its last change.";
    }

    /**
     * A moderator's change in a room the moderator's account does not own goes into the audit log,
     * with the command as typed (cut to 200 characters), so that moderators answer for it too.
     */
    void auditIfModerating(Caller caller, Room room, String line) {
        if (!accounts.byId(caller.accountId()).role().moderates() || owns(caller, room)) return;
        audit.record(caller.accountId(), "world " + line.strip().split(" ")[0], "room " + room.id(),
                line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }

    private void editRoom(Persona persona, Room before, Room after) {
        store.recordEdit(editIds.next(), before, persona.id(), clock.millis());
        store.put(after);
        updated(after);
    }

    /** Everyone in the room sees it as it is now. */
    private void updated(Room room) {
        Room now = world.room(room.id()).orElse(room);
        delivery.publish(new Event.Tell(new Audience.Room(now.id()), new ServerMessage.WorldUpdated(play.views().view(now)), Sight.ANYONE));
    }

    private Thing thing(Caller caller, Persona persona, Account.Role role, Room here, String words) {
        List<Thing> things = new ArrayList<>(world.carriedBy(persona.id()));
        things.addAll(world.thingsIn(here.id()));
        Thing thing = Matching.find(things, words, Thing::name)
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "you see no \"" + words + "\" here"));
        boolean ownsIt = thing.owner().flatMap(personas::byId).map(owner -> owner.accountId().equals(caller.accountId())).orElse(false);
        if (!ownsIt && !role.moderates()) throw new ProtocolException(ErrorCode.FORBIDDEN, "that is not yours to change");
        return thing;
    }

    private Room room(String id) {
        return world.room(id.toLowerCase(Locale.ROOT)).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no room has the id \"" + id + "\""));
    }

    private Account.Role requireBuilder(Caller caller) {
        Account.Role role = accounts.byId(caller.accountId()).role();
        if (!role.builds()) throw new ProtocolException(ErrorCode.FORBIDDEN, "building needs the builder role, which an operator gives");
        return role;
    }

    /** Owners change their own rooms only; moderators and operators change any. */
    private void requireMayEdit(Caller caller, Account.Role role, Room room) {
        if (!role.moderates() && !owns(caller, room)) throw new ProtocolException(ErrorCode.FORBIDDEN, room.name() + " is not yours to change");
    }

    private boolean owns(Caller caller, Room room) {
        return room.owner().flatMap(personas::byId).map(owner -> owner.accountId().equals(caller.accountId())).orElse(false);
    }

    private static void requireName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > WorldLimits.MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw invalid("a name is one line of 1 to " + WorldLimits.MAX_NAME + " characters");
        }
    }

    private static void requireDescription(String text) {
        if (text.length() > WorldLimits.MAX_DESCRIPTION) throw invalid("a description is at most " + WorldLimits.MAX_DESCRIPTION + " characters");
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) throw invalid("a description has no control characters");
    }

    /** A new room's id whose map number no room has yet, so that MUD clients' mappers never take two rooms for one. */
    private String newRoomId(String name) {
        Set<Integer> taken = store.roomIds().stream().map(Room::mapNumber).collect(Collectors.toSet());
        String id = newId(name);
        while (taken.contains(Room.mapNumber(id))) id = newId(name);
        return id;
    }

    /** A new slug id from a name, with four random letters so that two rooms of one name never collide. */
    private String newId(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 50) slug = slug.substring(0, 50).replaceAll("-+$", "");
        StringBuilder id = new StringBuilder(slug.isEmpty() ? "x" : slug).append('-');
        for (int i = 0; i < 4; i++) id.append(ID_LETTERS.charAt(random.nextInt(ID_LETTERS.length())));
        return id.toString();
    }

    private static ProtocolException quota(String what, int most) {
        return new ProtocolException(ErrorCode.QUOTA_EXCEEDED, "your account may own at most " + most + " " + what + " here");
    }

    private static ProtocolException invalid(String why) {
        return new ProtocolException(ErrorCode.INVALID_MESSAGE, why);
    }
}
