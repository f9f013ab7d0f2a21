package org.tryst.world;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.tryst.storage.Sql;

/**
 * The text world's places and where everyone is in them. A new server's world is the shipped
 * starting area, made once; an operator replaces it with {@link #replace}. A persona that never
 * moved, or whose room is gone, is in the starting room.
 */
public final class World {
    private static final String STARTING_AREA = "/world/starting-area.toml";

    private final WorldStore store;
    private final RecognitionStore recognitions;

    public World(Sql sql) {
        this.store = new WorldStore(sql);
        this.recognitions = new RecognitionStore(sql);
    }

    /** The world's SQL, for the parts of this capability that play and build it. */
    WorldStore store() {
        return store;
    }

    /** The SQL of short descriptions and recognitions. */
    RecognitionStore recognitions() {
        return recognitions;
    }

    /** The shipped starting area, as a file would give it. */
    public static Snapshot startingArea() {
        try (InputStream shipped = World.class.getResourceAsStream(STARTING_AREA)) {
            return WorldFile.read(new String(shipped.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("the shipped starting area is missing", e);
        }
    }

    /**
     * Loads the starting area into a world that was never made; a restart, another process that
     * made it first, or an operator's import leaves the world as it is. Whether it loaded.
     */
    public boolean makeIfNone() {
        if (store.start().isPresent()) return false;
        try {
            return store.makeIfNone(startingArea());
        } catch (RuntimeException raced) {
            // Two processes on one PostgreSQL may start at once: the one that lost finds the world made.
            if (store.start().isPresent()) return false;
            throw raced;
        }
    }

    /** The room new and displaced personas are in. */
    public Room start() {
        return store.start().flatMap(store::room).orElseThrow(() -> new IllegalStateException("the world was never made"));
    }

    public Optional<Room> room(String id) {
        return store.room(id);
    }

    /** The ways out of a room, in id order. */
    public List<Exit> exits(String room) {
        return store.exits(room);
    }

    /** The things lying in a room, in id order. */
    public List<Thing> thingsIn(String room) {
        return store.thingsIn(room);
    }

    /** What a persona carries, in id order. */
    public List<Thing> carriedBy(String persona) {
        return store.carriedBy(persona);
    }

    /** Where a persona is: its room, or the starting room when it has none. */
    public Room locationOf(String persona) {
        return store.roomOf(persona).flatMap(store::room).orElseGet(this::start);
    }

    /** A persona's in-world description, empty until it sets one. */
    public String description(String persona) {
        return store.description(persona).orElse("");
    }

    /** Sets a persona's in-world description. */
    public void describe(String persona, String description) {
        if (description.length() > WorldLimits.MAX_DESCRIPTION) {
            throw new IllegalArgumentException("a description is at most " + WorldLimits.MAX_DESCRIPTION + " characters");
        }
        store.describe(persona, description);
    }

    /**
     * A kept line of the world that the persona saw whole, for its report: one said in the room it is
     * in, or whispered or paged to it; empty otherwise, or once it is past the retention.
     */
    public Optional<KeptLine> lineSeenBy(String persona, String lineId) {
        return store.line(lineId).filter(line -> line.to() != null ? line.to().equals(persona)
                : line.room() != null && !line.author().equals(persona) && line.room().equals(locationOf(persona).id()));
    }

    /** The whole world, for export. */
    public Snapshot snapshot() {
        return store.snapshot();
    }

    /** Replaces the whole world (import); the number of personas moved to the starting room because their room went. */
    public int replace(Snapshot world) {
        return store.replace(world);
    }
}
