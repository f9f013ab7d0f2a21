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
        for (Room room : world.rooms()) {
            handle.createUpdate("""
                            INSERT INTO world_rooms (id, name, description, owner_persona_id, rating, lock_expression)
                            VALUES (:id, :name, :description, :owner, :rating, :lock)
                            ON CONFLICT (id) DO UPDATE SET name = :name, description = :description, owner_persona_id = :owner,
                                rating = :rating, lock_expression = :lock""")
                    .bind("id", room.id()).bind("name", room.name()).bind("description", room.description())
                    .bind("owner", room.owner().orElse(null)).bind("rating", room.rating().word())
                    .bind("lock", room.lock().orElse(null)).execute();
        }
        handle.createUpdate("""
                        INSERT INTO world_start (only_row, room_id) VALUES (1, :room)
                        ON CONFLICT (only_row) DO UPDATE SET room_id = :room""")
                .bind("room", world.start()).execute();
        // Deleting a room sets its occupants' room to none, which is the starting room.
        for (String room : dropped) handle.createUpdate("DELETE FROM world_rooms WHERE id = :id").bind("id", room).execute();
        for (Exit exit : world.exits()) {
            handle.createUpdate("""
                            INSERT INTO world_exits (id, from_room, name, aliases, to_room, lock_expression)
                            VALUES (:id, :from, :name, :aliases, :to, :lock)""")
                    .bind("id", exit.id()).bind("from", exit.from()).bind("name", exit.name())
                    .bind("aliases", String.join(" ", exit.aliases())).bind("to", exit.to())
                    .bind("lock", exit.lock().orElse(null)).execute();
        }
        for (Thing thing : world.things()) {
            handle.createUpdate("""
                            INSERT INTO world_things (id, name, description, room_id, carrier_persona_id, portable, owner_persona_id)
                            VALUES (:id, :name, :description, :room, :carrier, :portable, :owner)""")
                    .bind("id", thing.id()).bind("name", thing.name()).bind("description", thing.description())
                    .bind("room", thing.place() instanceof Place.InRoom(String room) ? room : null)
                    .bind("carrier", thing.place() instanceof Place.CarriedBy(String persona) ? persona : null)
                    .bind("portable", thing.portable()).bind("owner", thing.owner().orElse(null)).execute();
        }
    }
}
