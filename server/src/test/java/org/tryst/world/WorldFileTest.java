package org.tryst.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The world file without a database: the shipped area reads, writing round-trips, and each kind of bad file is refused by name. */
class WorldFileTest {
    private static final String ROOMS = """
            start = "hall"
            [[rooms]]
            id = "hall"
            name = "Hall"
            rating = "general"
            description = "A hall."
            [[rooms]]
            id = "yard"
            name = "Yard"
            rating = "mature"
            description = "A yard."
            """;

    @Test
    void theShippedAreaIsSmallTwoWayAndNamedByCompass() {
        Snapshot area = World.startingArea();
        assertThat(area.rooms()).hasSizeBetween(5, 8);
        assertThat(area.rooms()).allMatch(room -> room.rating() == Rating.GENERAL && room.owner().isEmpty());
        for (Exit exit : area.exits()) {
            assertThat(area.exits()).as("the way back through " + exit.id())
                    .anyMatch(back -> back.from().equals(exit.to()) && back.to().equals(exit.from()));
            assertThat(exit.aliases()).isNotEmpty();
        }
        assertThat(area.exits().stream().filter(exit -> exit.from().equals(area.start())).map(Exit::name))
                .containsExactlyInAnyOrder("north", "east", "south", "west");
    }

    @Test
    void writingAndReadingGiveTheSameWorldAndTheSameText() {
        Snapshot tricky = new Snapshot("a", List.of(
                new Room("a", "Quotes \" and \\ back", "Two\nlines,\ta tab, \"\"\" three quotes, a \\ and \u0001 control… é",
                        Optional.of("persona-1"), Rating.ADULT, Optional.of("adult & !is:Mallory")),
                new Room("b", "B", "", Optional.empty(), Rating.GENERAL, Optional.empty())),
                List.of(new Exit("a-out", "a", "out", List.of("o", "leave"), "b", Optional.of("builder")),
                        new Exit("b-in", "b", "in", List.of(), "a", Optional.empty())),
                List.of(new Thing("box", "a box", "Plain.\n", new Place.CarriedBy("persona-1"), true, Optional.of("persona-1")),
                        new Thing("rock", "a rock", "Heavy.", new Place.InRoom("b"), false, Optional.empty())));
        // The control character is refused on reading, so the round trip uses a world without it.
        Snapshot world = new Snapshot(tricky.start(), List.of(withDescription(tricky.rooms().get(0), "Two\nlines,\ta tab, \"\"\" and \\ é\n"),
                tricky.rooms().get(1)), tricky.exits(), tricky.things());
        String text = WorldFile.write(world);
        assertThat(WorldFile.read(text)).isEqualTo(world);
        assertThat(WorldFile.write(WorldFile.read(text))).isEqualTo(text);
        Snapshot area = World.startingArea();
        assertThat(WorldFile.read(WorldFile.write(area))).isEqualTo(area);
    }

    /** Mangled copies of the shipped file (cut, spliced, sprinkled with odd characters) are read or refused, never crash. */
    @Test
    void aMangledFileIsReadOrRefusedButNeverBreaksTheReader() {
        String shipped = WorldFile.write(World.startingArea());
        java.util.Random random = new java.util.Random(19);
        String odd = "[]{}=\"\\'#\n\t\u0000\uFEFF\uD800.,0123-_ é";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder(shipped);
            for (int edit = 0, edits = 1 + random.nextInt(4); edit < edits; edit++) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> text.setLength(at);
                    case 1 -> text.insert(at, odd.charAt(random.nextInt(odd.length())));
                    default -> text.delete(at, Math.min(text.length(), at + random.nextInt(40)));
                }
            }
            try {
                WorldFile.read(text.toString());
            } catch (InvalidWorld refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void theExampleInTheOperatorsGuideIsAWorld() throws Exception {
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "world.md"));
        String example = guide.substring(guide.indexOf("```toml\n") + 8, guide.indexOf("```", guide.indexOf("```toml\n") + 8));
        Snapshot world = WorldFile.read(example);
        assertThat(world.rooms()).extracting(Room::id).containsExactly("courtyard", "library");
        assertThat(world.exits()).hasSize(2);
        assertThat(world.things()).singleElement().extracting(Thing::place).isEqualTo(new Place.InRoom("courtyard"));
    }

    private static Room withDescription(Room room, String description) {
        return new Room(room.id(), room.name(), description, room.owner(), room.rating(), room.lock());
    }

    static Stream<Arguments> badFiles() {
        String exit = """
                [[exits]]
                id = "out"
                from = "hall"
                name = "out"
                to = "%s"
                """;
        return Stream.of(
                Arguments.of("start = \"hall\"\n[[rooms]\nid = \"x\"\n", "not valid TOML"),
                Arguments.of("start = \"hall\"\nstart = \"yard\"\n", "line 2: "),
                Arguments.of("start = \"hall\"\n\nstart = \"yard\"", "line 3: "),
                Arguments.of("[[rooms]]\nid = \"hall\"\n", "missing start"),
                Arguments.of(ROOMS.replace("start = \"hall\"", "start = \"attic\""), "start: there is no room \"attic\""),
                Arguments.of(ROOMS + exit.formatted("attic"), "exits #1 (id out): to: there is no room \"attic\""),
                Arguments.of(ROOMS.replace("id = \"yard\"", "id = \"hall\""), "rooms #2 (id hall): id \"hall\" is used twice"),
                Arguments.of(ROOMS.replace("\"mature\"", "\"spicy\""), "rooms #2 (id yard): rating \"spicy\" is not general, mature or adult"),
                Arguments.of(ROOMS.replace("\"A yard.\"", "\"" + "y".repeat(4001) + "\""), "rooms #2 (id yard): description is 4001 characters"),
                Arguments.of(ROOMS.replace("\"Yard\"", "\"" + "y".repeat(81) + "\""), "rooms #2 (id yard): name must be 1 to 80"),
                Arguments.of(ROOMS.replace("id = \"yard\"", "id = \"Yard Two\""), "rooms #2 (id Yard Two): id \"Yard Two\" must be"),
                Arguments.of(ROOMS.replace("rating = \"mature\"", "rating = \"mature\"\ncolour = \"red\""), "rooms #2 (id yard): unknown key \"colour\""),
                Arguments.of(ROOMS.replace("rating = \"mature\"\n", ""), "rooms #2 (id yard): missing rating"),
                Arguments.of(ROOMS.replace("name = \"Yard\"", "name = 7"), "rooms #2 (id yard): name must be a string"),
                Arguments.of("start = \"hall\"\nrooms = \"hall\"\n", "the file: rooms must be a list of tables"),
                Arguments.of("weather = \"rain\"\n" + ROOMS, "the file: unknown key \"weather\""),
                Arguments.of(ROOMS + exit.formatted("yard") + exit.formatted("yard").replace("id = \"out\"", "id = \"out2\""),
                        "exits #2 (id out2): \"out\" already names another exit of room \"hall\""),
                Arguments.of(ROOMS + exit.formatted("yard").replace("name = \"out\"", "name = \"go out\""), "exits #1 (id out): name \"go out\" must be one word"),
                Arguments.of(ROOMS + "[[things]]\nid = \"t\"\nname = \"t\"\ndescription = \"\"\nportable = true\n",
                        "things #1 (id t): give exactly one of room or carried_by"),
                Arguments.of(ROOMS + "[[things]]\nid = \"t\"\nname = \"t\"\ndescription = \"\"\nroom = \"hall\"\nportable = \"yes\"\n",
                        "things #1 (id t): portable must be true or false"),
                Arguments.of(ROOMS.replace("\"A yard.\"", "\"bell \\u0007\""), "rooms #2 (id yard): description has control characters"));
    }

    @Test
    void aRoomsMapNumberIsFixedByItsIdAlone() {
        // Players' saved maps hold these numbers: a change of the function would scramble every map.
        assertThat(Room.mapNumber("courtyard")).isEqualTo(Room.mapNumber("court" + "yard")).isPositive();
        assertThat(Room.mapNumber("courtyard")).isNotEqualTo(Room.mapNumber("library"));
        assertThat(World.startingArea().rooms().stream().map(room -> Room.mapNumber(room.id())).distinct())
                .hasSameSizeAs(World.startingArea().rooms());
    }

    @Test
    void aFileWhoseRoomIdsShareAMapNumberIsRefusedNamingBoth() {
        java.util.Map<Integer, String> seen = new java.util.HashMap<>();
        String first = null;
        String second = null;
        for (int i = 0; first == null; i++) {
            String id = "room-" + i;
            String before = seen.putIfAbsent(Room.mapNumber(id), id);
            if (before != null) {
                first = before;
                second = id;
            }
        }
        String file = ROOMS.replace("id = \"hall\"", "id = \"" + first + "\"").replace("start = \"hall\"", "start = \"" + first + "\"")
                .replace("id = \"yard\"", "id = \"" + second + "\"");
        assertThatThrownBy(() -> WorldFile.read(file)).isInstanceOf(InvalidWorld.class)
                .hasMessageContaining("rooms #2 (id " + second + "): id \"" + second + "\" gives the same map number as room \"" + first + "\"");
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aBadFileIsRefusedNamingTheEntry(String file, String message) {
        assertThatThrownBy(() -> WorldFile.read(file)).isInstanceOf(InvalidWorld.class).hasMessageContaining(message);
    }
}
