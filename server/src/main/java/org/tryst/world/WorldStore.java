package org.tryst.world;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.tryst.storage.Sql;

/** The SQL of the world: rooms, exits, things, where personas are, and the starting room. */
final class WorldStore {
    private static final RowMapper<Room> ROOM = (rs, ctx) -> new Room(rs.getString("id"), rs.getString("name"),
            rs.getString("description"), Optional.ofNullable(rs.getString("owner_persona_id")),
            Rating.of(rs.getString("rating")).orElseThrow(), Optional.ofNullable(rs.getString("lock_expression")));
    private static final RowMapper<Exit> EXIT = (rs, ctx) -> new Exit(rs.getString("id"), rs.getString("from_room"),
            rs.getString("name"), aliases(rs.getString("aliases")), rs.getString("to_room"),
            Optional.ofNullable(rs.getString("lock_expression")));
    private static final RowMapper<Thing> THING = (rs, ctx) -> new Thing(rs.getString("id"), rs.getString("name"),
            rs.getString("description"), rs.getString("room_id") != null ? new Place.InRoom(rs.getString("room_id"))
                    : new Place.CarriedBy(rs.getString("carrier_persona_id")),
            rs.getBoolean("portable"), Optional.ofNullable(rs.getString("owner_persona_id")));

    private static final RowMapper<KeptLine> LINE = (rs, ctx) -> new KeptLine(rs.getString("id"), rs.getString("room_id"),
            rs.getString("kind"), rs.getString("author_persona_id"), rs.getString("to_persona_id"), rs.getString("text"), rs.getLong("at"));

    private final Sql sql;

    WorldStore(Sql sql) {
        this.sql = sql;
    }

    private static List<String> aliases(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(" "));
    }

    Optional<String> start() {
        return sql.withHandle(handle -> start(handle));
    }

    private static Optional<String> start(Handle handle) {
        return handle.createQuery("SELECT room_id FROM world_start").mapTo(String.class).findOne();
    }

    Optional<Room> room(String id) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM world_rooms WHERE id = :id").bind("id", id).map(ROOM).findOne());
    }

    /** The id of every room, to tell whether a new one's map number is taken. */
    List<String> roomIds() {
        return sql.withHandle(handle -> handle.createQuery("SELECT id FROM world_rooms").mapTo(String.class).list());
    }

    List<Exit> exits(String room) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM world_exits WHERE from_room = :room ORDER BY id")
                .bind("room", room).map(EXIT).list());
    }

    List<Thing> thingsIn(String room) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM world_things WHERE room_id = :room ORDER BY id")
                .bind("room", room).map(THING).list());
    }

    List<Thing> carriedBy(String persona) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM world_things WHERE carrier_persona_id = :persona ORDER BY id")
                .bind("persona", persona).map(THING).list());
    }

    /** The persona's room, empty when it has none of its own (then it is in the starting room). */
    Optional<String> roomOf(String persona) {
        return sql.withHandle(handle -> handle.createQuery("SELECT room_id FROM world_personas WHERE persona_id = :persona AND room_id IS NOT NULL")
                .bind("persona", persona).mapTo(String.class).findOne());
    }

    void place(String persona, String room) {
        sql.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO world_personas (persona_id, room_id) VALUES (:persona, :room)
                        ON CONFLICT (persona_id) DO UPDATE SET room_id = :room""")
                .bind("persona", persona).bind("room", room).execute());
    }

    Optional<String> description(String persona) {
        return sql.withHandle(handle -> handle.createQuery("SELECT description FROM world_personas WHERE persona_id = :persona")
                .bind("persona", persona).mapTo(String.class).findOne());
    }

    void describe(String persona, String description) {
        sql.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO world_personas (persona_id, description) VALUES (:persona, :description)
                        ON CONFLICT (persona_id) DO UPDATE SET description = :description""")
                .bind("persona", persona).bind("description", description).execute());
    }

    /** The whole world, every list in id order, so that an export is the same file until the world changes. */
    Snapshot snapshot() {
        return sql.inTransaction(handle -> new Snapshot(start(handle).orElseThrow(() -> new IllegalStateException("the world was never made")),
                handle.createQuery("SELECT * FROM world_rooms ORDER BY id").map(ROOM).list(),
                handle.createQuery("SELECT * FROM world_exits ORDER BY id").map(EXIT).list(),
                handle.createQuery("SELECT * FROM world_things ORDER BY id").map(THING).list()));
    }

    /** Makes the world from a snapshot unless it was made before; false when it was. */
    boolean makeIfNone(Snapshot world) {
        return sql.inTransaction(handle -> {
            if (start(handle).isPresent()) return false;
            write(handle, world, Set.of());
            return true;
        });
    }

    /**
     * Replaces the world in one transaction: rooms the snapshot keeps keep their occupants, those it
     * drops send theirs to the (new) starting room. A persona the snapshot names that does not exist
     * fails the whole replacement, before anything changed; the number of personas moved.
     */
    int replace(Snapshot world) {
        return sql.inTransaction(handle -> {
            Set<String> personas = new HashSet<>();
            world.rooms().forEach(room -> room.owner().ifPresent(personas::add));
            for (Thing thing : world.things()) {
                thing.owner().ifPresent(personas::add);
                if (thing.place() instanceof Place.CarriedBy(String persona)) personas.add(persona);
            }
            for (String persona : personas) {
                boolean exists = handle.createQuery("SELECT COUNT(*) FROM personas WHERE id = :id").bind("id", persona)
                        .mapTo(Integer.class).one() > 0;
                if (!exists) throw new InvalidWorld("there is no persona with id \"" + persona + "\" (owner or carried_by)");
            }
            Set<String> kept = new HashSet<>();
            world.rooms().forEach(room -> kept.add(room.id()));
            List<String> dropped = handle.createQuery("SELECT id FROM world_rooms").mapTo(String.class).list().stream()
                    .filter(id -> !kept.contains(id)).toList();
            int moved = 0;
            for (String room : dropped) {
                moved += handle.createQuery("SELECT COUNT(*) FROM world_personas WHERE room_id = :room").bind("room", room)
                        .mapTo(Integer.class).one();
            }
            handle.execute("DELETE FROM world_things");
            handle.execute("DELETE FROM world_exits");
            write(handle, world, Set.copyOf(dropped));
            return moved;
        });
    }

    /** Writes rooms (over those of the same id), the start, then exits and things; deletes the dropped rooms in between. */
    private static void write(Handle handle, Snapshot world, Set<String> dropped) {
        for (Room room : world.rooms()) writeRoom(handle, room);
        handle.createUpdate("""
                        INSERT INTO world_start (only_row, room_id) VALUES (1, :room)
                        ON CONFLICT (only_row) DO UPDATE SET room_id = :room""")
                .bind("room", world.start()).execute();
        // Deleting a room sets its occupants' room to none, which is the starting room.
        for (String room : dropped) handle.createUpdate("DELETE FROM world_rooms WHERE id = :id").bind("id", room).execute();
        for (Exit exit : world.exits()) writeExit(handle, exit);
        for (Thing thing : world.things()) writeThing(handle, thing);
    }

    private static void writeRoom(Handle handle, Room room) {
        handle.createUpdate("""
                        INSERT INTO world_rooms (id, name, description, owner_persona_id, rating, lock_expression)
                        VALUES (:id, :name, :description, :owner, :rating, :lock)
                        ON CONFLICT (id) DO UPDATE SET name = :name, description = :description, owner_persona_id = :owner,
                            rating = :rating, lock_expression = :lock""")
                .bind("id", room.id()).bind("name", room.name()).bind("description", room.description())
                .bind("owner", room.owner().orElse(null)).bind("rating", room.rating().word())
                .bind("lock", room.lock().orElse(null)).execute();
    }

    private static void writeExit(Handle handle, Exit exit) {
        handle.createUpdate("""
                        INSERT INTO world_exits (id, from_room, name, aliases, to_room, lock_expression)
                        VALUES (:id, :from, :name, :aliases, :to, :lock)""")
                .bind("id", exit.id()).bind("from", exit.from()).bind("name", exit.name())
                .bind("aliases", String.join(" ", exit.aliases())).bind("to", exit.to())
                .bind("lock", exit.lock().orElse(null)).execute();
    }

    private static void writeThing(Handle handle, Thing thing) {
        handle.createUpdate("""
                        INSERT INTO world_things (id, name, description, room_id, carrier_persona_id, portable, owner_persona_id)
                        VALUES (:id, :name, :description, :room, :carrier, :portable, :owner)""")
                .bind("id", thing.id()).bind("name", thing.name()).bind("description", thing.description())
                .bind("room", thing.place() instanceof Place.InRoom(String room) ? room : null)
                .bind("carrier", thing.place() instanceof Place.CarriedBy(String persona) ? persona : null)
                .bind("portable", thing.portable()).bind("owner", thing.owner().orElse(null)).execute();
    }

    // Playing: who is in the world, homes, the adult opt-in and lines.

    /** Puts the persona in the world; whether it was out of it before. */
    boolean enter(String persona) {
        return sql.inTransaction(handle -> {
            boolean was = handle.createQuery("SELECT in_world FROM world_personas WHERE persona_id = :persona")
                    .bind("persona", persona).mapTo(Boolean.class).findOne().orElse(false);
            handle.createUpdate("""
                            INSERT INTO world_personas (persona_id, in_world) VALUES (:persona, TRUE)
                            ON CONFLICT (persona_id) DO UPDATE SET in_world = TRUE""")
                    .bind("persona", persona).execute();
            return !was;
        });
    }

    /** Takes the persona out of the world; whether it was in it. */
    boolean leave(String persona) {
        return sql.withHandle(handle -> handle.createUpdate("UPDATE world_personas SET in_world = FALSE WHERE persona_id = :persona AND in_world")
                .bind("persona", persona).execute()) > 0;
    }

    boolean inWorld(String persona) {
        return sql.withHandle(handle -> handle.createQuery("SELECT in_world FROM world_personas WHERE persona_id = :persona")
                .bind("persona", persona).mapTo(Boolean.class).findOne().orElse(false));
    }

    /** The personas in the world whose room is this one (a persona without a room is in the starting room). */
    List<String> occupants(String room, boolean isStart) {
        return sql.withHandle(handle -> handle.createQuery("""
                        SELECT persona_id FROM world_personas
                        WHERE in_world AND (room_id = :room OR (:start AND room_id IS NULL)) ORDER BY persona_id""")
                .bind("room", room).bind("start", isStart).mapTo(String.class).list());
    }

    /** A persona in the world and the id of its room (null: the starting room). */
    record Whereabouts(String persona, String room) {}

    List<Whereabouts> everyoneInWorld() {
        return sql.withHandle(handle -> handle.createQuery("SELECT persona_id, room_id FROM world_personas WHERE in_world")
                .map((rs, ctx) -> new Whereabouts(rs.getString("persona_id"), rs.getString("room_id"))).list());
    }

    Optional<String> home(String persona) {
        return sql.withHandle(handle -> handle.createQuery(
                        "SELECT home_room FROM world_personas WHERE persona_id = :persona AND home_room IS NOT NULL")
                .bind("persona", persona).mapTo(String.class).findOne());
    }

    void home(String persona, String room) {
        sql.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO world_personas (persona_id, home_room) VALUES (:persona, :room)
                        ON CONFLICT (persona_id) DO UPDATE SET home_room = :room""")
                .bind("persona", persona).bind("room", room).execute());
    }

    boolean adult(String account) {
        return sql.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM world_adult_areas WHERE account_id = :account")
                .bind("account", account).mapTo(Integer.class).one() > 0);
    }

    void adult(String account, boolean on, long now) {
        sql.useHandle(handle -> {
            if (on) {
                handle.createUpdate("INSERT INTO world_adult_areas (account_id, since) VALUES (:account, :now) ON CONFLICT (account_id) DO NOTHING")
                        .bind("account", account).bind("now", now).execute();
            } else {
                handle.createUpdate("DELETE FROM world_adult_areas WHERE account_id = :account").bind("account", account).execute();
            }
        });
    }

    void append(List<KeptLine> lines) {
        sql.useTransaction(handle -> {
            var batch = handle.prepareBatch("""
                    INSERT INTO world_lines (id, room_id, kind, author_persona_id, to_persona_id, text, at)
                    VALUES (:id, :room, :kind, :author, :to, :text, :at)""");
            for (KeptLine line : lines) {
                batch.bind("id", line.id()).bind("room", line.room()).bind("kind", line.kind()).bind("author", line.author())
                        .bind("to", line.to()).bind("text", line.text()).bind("at", line.at()).add();
            }
            batch.execute();
        });
    }

    /** The newest lines of a kind in a room since a time, newest first. */
    List<KeptLine> recent(String room, String kind, long since, int limit) {
        return sql.withHandle(handle -> handle.createQuery("""
                        SELECT * FROM world_lines WHERE room_id = :room AND kind = :kind AND at >= :since
                        ORDER BY at DESC, id DESC LIMIT :limit""")
                .bind("room", room).bind("kind", kind).bind("since", since).bind("limit", limit)
                .map(LINE).list());
    }

    Optional<KeptLine> line(String id) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM world_lines WHERE id = :id").bind("id", id).map(LINE).findOne());
    }

    int forgetLinesBefore(long cutoff) {
        return sql.withHandle(handle -> handle.createUpdate("DELETE FROM world_lines WHERE at < :cutoff").bind("cutoff", cutoff).execute());
    }

    // Building.

    /** Writes a new room, or a room over the one of its id. */
    void put(Room room) {
        sql.useHandle(handle -> writeRoom(handle, room));
    }

    /** Writes a new exit, or an exit in place of the one of its id. */
    void put(Exit exit) {
        sql.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM world_exits WHERE id = :id").bind("id", exit.id()).execute();
            writeExit(handle, exit);
        });
    }

    /** Writes a new thing, or a thing in place of the one of its id. */
    void put(Thing thing) {
        sql.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM world_things WHERE id = :id").bind("id", thing.id()).execute();
            writeThing(handle, thing);
        });
    }

    Optional<Thing> thing(String id) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM world_things WHERE id = :id").bind("id", id).map(THING).findOne());
    }

    /** Deletes a room with its exits (both ways) and things; its occupants are then in the starting room. */
    void deleteRoom(String id) {
        sql.useHandle(handle -> handle.createUpdate("DELETE FROM world_rooms WHERE id = :id").bind("id", id).execute());
    }

    void deleteExit(String id) {
        sql.useHandle(handle -> handle.createUpdate("DELETE FROM world_exits WHERE id = :id").bind("id", id).execute());
    }

    void deleteThing(String id) {
        sql.useHandle(handle -> handle.createUpdate("DELETE FROM world_things WHERE id = :id").bind("id", id).execute());
    }

    /** How many rooms, exits (of their rooms) and things the account's personas own. */
    record Owned(int rooms, int exits, int things) {}

    Owned ownedBy(String account) {
        return sql.withHandle(handle -> new Owned(
                count(handle, "SELECT COUNT(*) FROM world_rooms r JOIN personas p ON p.id = r.owner_persona_id WHERE p.account_id = :account",
                        account),
                count(handle, """
                        SELECT COUNT(*) FROM world_exits e JOIN world_rooms r ON r.id = e.from_room
                        JOIN personas p ON p.id = r.owner_persona_id WHERE p.account_id = :account""", account),
                count(handle, "SELECT COUNT(*) FROM world_things t JOIN personas p ON p.id = t.owner_persona_id WHERE p.account_id = :account",
                        account)));
    }

    private static int count(Handle handle, String query, String account) {
        return handle.createQuery(query).bind("account", account).mapTo(Integer.class).one();
    }

    /** Keeps a room as it was before a change, for {@link #undo}. */
    void recordEdit(String editId, Room before, String byPersona, long at) {
        sql.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO world_room_edits (id, room_id, by_persona_id, name, description, rating, lock_expression, at)
                        VALUES (:id, :room, :by, :name, :description, :rating, :lock, :at)""")
                .bind("id", editId).bind("room", before.id()).bind("by", byPersona).bind("name", before.name())
                .bind("description", before.description()).bind("rating", before.rating().word())
                .bind("lock", before.lock().orElse(null)).bind("at", at).execute());
    }

    /** Puts the room back as it was before its newest recorded change, forgetting that record; the room as it is then. */
    Optional<Room> undo(String room) {
        return sql.inTransaction(handle -> {
            Optional<Room> before = handle.createQuery("""
                            SELECT e.id AS edit_id, e.room_id AS id, e.name, e.description, r.owner_persona_id, e.rating, e.lock_expression
                            FROM world_room_edits e JOIN world_rooms r ON r.id = e.room_id
                            WHERE e.room_id = :room ORDER BY e.id DESC LIMIT 1""")
                    .bind("room", room).map((rs, ctx) -> {
                        handle.createUpdate("DELETE FROM world_room_edits WHERE id = :id").bind("id", rs.getString("edit_id")).execute();
                        return ROOM.map(rs, ctx);
                    }).findOne();
            before.ifPresent(restored -> writeRoom(handle, restored));
            return before;
        });
    }
}
