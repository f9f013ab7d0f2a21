package org.tryst.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.storage.Database;
import org.tryst.testkit.Wire;

/**
 * The world's storage through a real server's database: the shipped area, export and import, and
 * what deleting a persona or a room leaves behind; run on SQLite and on PostgreSQL by the subclasses.
 */
abstract class WorldContract {
    abstract TestServer server();

    /** Each test starts from the shipped area, whatever the one before imported. */
    @BeforeEach
    void shippedWorld() {
        try (Database database = server().openDatabase()) {
            new World(database.sql()).replace(World.startingArea());
        }
    }

    @Test
    void aNewServerHasTheStartingAreaAndARestartNeverLoadsItOverTheOperatorsWorld() throws Exception {
        Snapshot shipped = World.startingArea();
        Views.Persona stayer = persona("Stayer");
        try (Database database = server().openDatabase()) {
            World world = new World(database.sql());
            assertThat(world.snapshot().rooms()).containsExactlyInAnyOrderElementsOf(shipped.rooms());
            assertThat(world.snapshot().exits()).containsExactlyInAnyOrderElementsOf(shipped.exits());
            assertThat(world.start().id()).isEqualTo("courtyard");
            assertThat(world.makeIfNone()).as("a made world is not made again").isFalse();
            world.replace(small("hall"));
            world.replace(World.startingArea());
            world.store().place(stayer.id(), "gallery");
            world.replace(withRoom(small("hall"), World.startingArea()));
        }
        server().stop();
        server().start();
        try (Database database = server().openDatabase()) {
            World world = new World(database.sql());
            assertThat(world.snapshot()).isEqualTo(sorted(withRoom(small("hall"), World.startingArea())));
            assertThat(world.locationOf(stayer.id()).id()).as("a restart keeps where everyone is").isEqualTo("gallery");
        }
    }

    @Test
    void exportImportExportGivesTheSameFile() {
        try (Database database = server().openDatabase()) {
            World world = new World(database.sql());
            String exported = WorldFile.write(world.snapshot());
            world.replace(small("elsewhere"));
            world.replace(WorldFile.read(exported));
            assertThat(WorldFile.write(world.snapshot())).isEqualTo(exported);
        }
    }

    @Test
    void anImportNamingAPersonaThatDoesNotExistChangesNothing() {
        try (Database database = server().openDatabase()) {
            World world = new World(database.sql());
            Snapshot before = world.snapshot();
            Snapshot bad = new Snapshot("hall", List.of(room("hall", Optional.empty())), List.of(),
                    List.of(new Thing("ring", "a ring", "", new Place.CarriedBy("no-such-persona"), true, Optional.empty())));
            assertThatThrownBy(() -> world.replace(bad)).isInstanceOf(InvalidWorld.class).hasMessageContaining("no-such-persona");
            assertThat(world.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void aDeletedPersonaLeavesNoLocationNorCarriedThingsAndItsRoomsBecomeOwnerless() throws Exception {
        TestServer server = server();
        Wire wire = server.connect(server.register("leaver"));
        Views.Persona leaver = TestServer.persona(wire, "Leaver");
        try (Database database = server.openDatabase()) {
            World world = new World(database.sql());
            Snapshot shipped = World.startingArea();
            List<Room> rooms = new ArrayList<>(shipped.rooms());
            rooms.add(room("den", Optional.of(leaver.id())));
            List<Thing> things = new ArrayList<>(shipped.things());
            things.add(new Thing("lantern", "a lantern", "", new Place.CarriedBy(leaver.id()), true, Optional.of(leaver.id())));
            things.add(new Thing("rug", "a rug", "", new Place.InRoom("den"), false, Optional.of(leaver.id())));
            world.replace(new Snapshot(shipped.start(), rooms, shipped.exits(), things));
            world.store().place(leaver.id(), "library");
            world.describe(leaver.id(), "A traveller in a grey cloak.");
        }
        wire.send(new ClientMessage.PersonaDelete(wire.nextId(), leaver.id()));
        wire.expect(ServerMessage.Ok.class);
        try (Database database = server.openDatabase()) {
            World world = new World(database.sql());
            assertThat(world.carriedBy(leaver.id())).isEmpty();
            assertThat(world.description(leaver.id())).isEmpty();
            assertThat(world.room("den").orElseThrow().owner()).isEmpty();
            assertThat(world.thingsIn("den")).singleElement().satisfies(rug -> assertThat(rug.owner()).isEmpty());
            int rows = database.sql().withHandle(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM world_personas WHERE persona_id = :id").bind("id", leaver.id()).mapTo(Integer.class).one());
            assertThat(rows).isZero();
        }
    }

    @Test
    void aRoomRemovedByImportSendsItsOccupantsToTheStart() {
        Views.Persona reader = persona("Reader");
        Views.Persona gardener = persona("Gardener");
        try (Database database = server().openDatabase()) {
            World world = new World(database.sql());
            world.store().place(reader.id(), "library");
            world.store().place(gardener.id(), "garden");
            Snapshot shipped = World.startingArea();
            Snapshot withoutLibrary = new Snapshot(shipped.start(),
                    shipped.rooms().stream().filter(room -> !room.id().equals("library") && !room.id().equals("terrace")).toList(),
                    shipped.exits().stream().filter(exit -> !exit.from().equals("library") && !exit.to().equals("library")
                            && !exit.from().equals("terrace")).toList(),
                    shipped.things());
            assertThat(world.replace(withoutLibrary)).isEqualTo(1);
            assertThat(world.locationOf(reader.id()).id()).isEqualTo("courtyard");
            assertThat(world.locationOf(gardener.id()).id()).as("a room the file keeps keeps its occupants").isEqualTo("garden");
            assertThat(world.exits("courtyard")).extracting(Exit::name).doesNotContain("north");
        }
    }

    private Views.Persona persona(String name) {
        return TestServer.persona(server().connect(server().register(name.toLowerCase())), name);
    }

    private static Room room(String id, Optional<String> owner) {
        return new Room(id, "The " + id, "A plain room.", owner, Rating.MATURE, Optional.empty());
    }

    /** The rooms and things of a small world added to another, which keeps its start and exits. */
    private static Snapshot withRoom(Snapshot small, Snapshot world) {
        List<Room> rooms = new ArrayList<>(world.rooms());
        rooms.addAll(small.rooms());
        List<Thing> things = new ArrayList<>(world.things());
        things.addAll(small.things());
        return new Snapshot(world.start(), rooms, world.exits(), things);
    }

    /** A world's lists in id order, as the store gives them back. */
    private static Snapshot sorted(Snapshot world) {
        return new Snapshot(world.start(), world.rooms().stream().sorted(java.util.Comparator.comparing(Room::id)).toList(),
                world.exits().stream().sorted(java.util.Comparator.comparing(Exit::id)).toList(),
                world.things().stream().sorted(java.util.Comparator.comparing(Thing::id)).toList());
    }

    /** A world of one room and a thing. */
    private static Snapshot small(String id) {
        return new Snapshot(id, List.of(room(id, Optional.empty())), List.of(),
                List.of(new Thing("chair", "a chair", "Wooden.", new Place.InRoom(id), false, Optional.empty())));
    }
}
