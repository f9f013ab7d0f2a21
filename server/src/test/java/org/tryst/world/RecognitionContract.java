package org.tryst.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.storage.Database;

/**
 * A world with recognition, through a real server and raw sockets: strangers appear by their short
 * descriptions in who is here, arrivals, lines, look and who; recog, forget and introduce change that
 * for one viewer or the room; moderators see real names. Run on SQLite, PostgreSQL and two processes.
 */
abstract class RecognitionContract {
    static final String RECOGNITION = "TRYST_WORLD_RECOGNITION";

    abstract TestServer server();

    @BeforeEach
    void shippedWorld() {
        try (Database database = server().openDatabase()) {
            new World(database.sql()).replace(World.startingArea());
        }
    }

    /** Everyone a test put in the world, whose sockets close after it, passed or not, so that no test meets another's strangers. */
    private final List<Player> players = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        players.forEach(player -> player.wire().close());
    }

    Player player(String base) {
        Player player = Player.join(server(), base);
        players.add(player);
        return player;
    }

    /** A player in the courtyard with a short description, who entered before the others. */
    Player described(String base, String sdesc) {
        Player player = player(base);
        player.enter();
        assertThat(player.answer("sdesc " + sdesc, ServerMessage.WorldDone.class).text()).contains(sdesc);
        return player;
    }

    @Test
    void aStrangerAppearsByTheirShortDescriptionInEverythingTheViewerIsShown() {
        Player ada = described("Ada", "a tall woman in a green coat");
        Player bo = described("Bo", "a short man with a lantern");
        Player cy = player("Cy");

        assertThat(cy.enter().here()).extracting(Views.Occupant::name).contains(cy.name()).doesNotContain(ada.name(), bo.name());
        List<Views.Occupant> here = here(cy, ada, bo);
        assertThat(here).extracting(Views.Occupant::name)
                .contains("a tall woman in a green coat", "a short man with a lantern", cy.name()).doesNotContain(ada.name(), bo.name());
        assertThat(here).filteredOn(occupant -> occupant.id().equals(ada.persona().id()))
                .singleElement().satisfies(occupant -> assertThat(occupant.avatar()).isNull());
        ServerMessage.WorldArrived arrived = ada.wire().expect(ServerMessage.WorldArrived.class,
                seen -> seen.persona().id().equals(cy.persona().id()));
        assertThat(arrived.persona().name()).as("a persona without an sdesc is a stranger").isEqualTo("a stranger");

        ada.answer("\"Good evening.", ServerMessage.Sent.class);
        assertThat(heard(cy, "Good evening.").author())
                .isEqualTo(new Views.Author(ada.persona().id(), "a tall woman in a green coat", null, Views.Shown.SDESC));
        assertThat(heard(ada, "Good evening.").author().name()).as("one's own name").isEqualTo(ada.name());

        ServerMessage.WorldLook looked = cy.answer("look tall woman", ServerMessage.WorldLook.class);
        assertThat(looked.target().id()).isEqualTo(ada.persona().id());
        assertThat(looked.target().name()).isEqualTo("a tall woman in a green coat");
        cy.refused("look " + ada.name(), "not_found");

        assertThat(cy.answer("who", ServerMessage.WorldWho.class).people()).extracting(entry -> entry.persona().name())
                .contains("a tall woman in a green coat", "a short man with a lantern").doesNotContain(ada.name(), bo.name());

        ada.answer("page " + cy.name() + "=Out of character: hello!", ServerMessage.Sent.class);
        assertThat(heard(cy, "Out of character: hello!").author()).as("a page is out of character, by real names")
                .extracting(Views.Author::name, Views.Author::shown).containsExactly(ada.name(), null);
    }

    @Test
    void recogNamesAStrangerForThatViewerOnlyAndForgetUndoesIt() {
        Player ada = described("Ada", "a tall woman in a green coat");
        Player bo = player("Bo");
        bo.enter();
        Player cy = player("Cy");
        cy.enter();

        assertThat(bo.answer("recog green coat as Greensleeves", ServerMessage.WorldDone.class).text())
                .isEqualTo("You will know a tall woman in a green coat as Greensleeves.");
        ada.answer(":smiles.", ServerMessage.Sent.class);
        assertThat(heard(bo, "smiles.").author()).extracting(Views.Author::name, Views.Author::shown)
                .containsExactly("Greensleeves", Views.Shown.RECOG);
        assertThat(heard(cy, "smiles.").author().name()).isEqualTo("a tall woman in a green coat");

        assertThat(bo.answer("look greensleeves", ServerMessage.WorldLook.class).target().name()).isEqualTo("Greensleeves");
        assertThat(here(bo, ada)).extracting(Views.Occupant::name).contains("Greensleeves");
        bo.answer("whisper Greensleeves=Nice coat.", ServerMessage.Sent.class);
        assertThat(heard(ada, "Nice coat.").to().name()).isEqualTo(ada.name());
        assertThat(heard(cy, null)).satisfies(seen -> {
            assertThat(seen.author().name()).isEqualTo("a stranger");
            assertThat(seen.to().name()).isEqualTo("a tall woman in a green coat");
        });

        assertThat(bo.answer("recog", ServerMessage.WorldDone.class).text()).contains("Greensleeves (a tall woman in a green coat)");
        bo.answer("forget greensleeves", ServerMessage.WorldDone.class);
        ada.answer(":nods.", ServerMessage.Sent.class);
        assertThat(heard(bo, "nods.").author().name()).isEqualTo("a tall woman in a green coat");
        bo.refused("forget Greensleeves", "not_found");
    }

    @Test
    void aChangedSdescOrRecognitionShowsAtOnceOnEverySocketAndProcess() {
        Player ada = described("Ada", "a tall woman in a green coat");
        Player bo = player("Bo");
        bo.enter();
        ada.answer("\"One.", ServerMessage.Sent.class);
        assertThat(heard(bo, "One.").author().name()).isEqualTo("a tall woman in a green coat");

        ada.answer("sdesc a tall woman in a red coat", ServerMessage.WorldDone.class);
        ada.answer("\"Two.", ServerMessage.Sent.class);
        assertThat(heard(bo, "Two.").author().name()).isEqualTo("a tall woman in a red coat");

        Player boAgain = bo.again(server());
        players.add(boAgain);
        boAgain.enter();
        ada.answer("\"Three.", ServerMessage.Sent.class);
        assertThat(heard(boAgain, "Three.").author().name()).isEqualTo("a tall woman in a red coat");
        bo.answer("recog red coat as Scarlet", ServerMessage.WorldDone.class);
        ada.answer("\"Four.", ServerMessage.Sent.class);
        assertThat(heard(bo, "Four.").author().name()).isEqualTo("Scarlet");
        assertThat(heard(boAgain, "Four.").author().name()).as("Bo's other socket, on the other process of a cluster").isEqualTo("Scarlet");
    }

    @Test
    void anIntroductionTellsTheRoomOrTheOneNamedTheRealName() {
        Player ada = described("Ada", "a tall woman in a green coat");
        Player bo = described("Bo", "a short man with a lantern");
        Player cy = player("Cy");
        cy.enter();

        ada.answer("introduce lantern", ServerMessage.Sent.class);
        String adaIntroduced = "introduces themself as " + ada.name() + ".";
        assertThat(heard(bo, adaIntroduced).kind()).isEqualTo("whisper");
        assertThat(heard(cy, null).author().id()).as("the others see only that a whisper happened").isEqualTo(ada.persona().id());
        ada.answer("\"Hello.", ServerMessage.Sent.class);
        assertThat(heard(bo, "Hello.").author()).as("an introduced name is the real one")
                .extracting(Views.Author::name, Views.Author::shown).containsExactly(ada.name(), null);
        assertThat(heard(cy, "Hello.").author().name()).isEqualTo("a tall woman in a green coat");

        bo.answer("introduce", ServerMessage.Sent.class);
        assertThat(heard(cy, "introduces themself as " + bo.name() + ".").author().name()).isEqualTo("a short man with a lantern");
        bo.answer(":bows.", ServerMessage.Sent.class);
        assertThat(heard(cy, "bows.").author().name()).isEqualTo(bo.name());
        assertThat(heard(ada, "bows.").author().name()).isEqualTo(bo.name());
        assertThat(cy.answer("look " + bo.name(), ServerMessage.WorldLook.class).target().id()).isEqualTo(bo.persona().id());
    }

    @Test
    void moderatorsAlwaysSeeRealNamesAndWhoWroteAnEmit() {
        Player mod = player("Mod").withRole(server(), "moderator");
        mod.enter();
        Player ada = described("Ada", "a tall woman in a green coat");
        Player cy = player("Cy");
        cy.enter();
        assertThat(mod.wire().expect(ServerMessage.WorldArrived.class, seen -> seen.persona().id().equals(cy.persona().id())).persona())
                .extracting(Views.Occupant::name, Views.Occupant::shown).containsExactly(cy.name(), null);
        assertThat(here(mod, ada, cy)).extracting(Views.Occupant::name).contains(ada.name(), cy.name());
        ada.answer("emit The lamps flicker.", ServerMessage.Sent.class);
        assertThat(heard(mod, "The lamps flicker.").author().name()).isEqualTo(ada.name());
        assertThat(heard(cy, "The lamps flicker.").author()).satisfies(author -> {
            assertThat(author.id()).as("the line still names its author, for a report").isEqualTo(ada.persona().id());
            assertThat(author.name()).isEqualTo("a tall woman in a green coat");
        });
        assertThat(mod.answer("look emits", ServerMessage.WorldLook.class).target().lines())
                .extracting(line -> line.author().name()).contains(ada.name());
        assertThat(cy.answer("look emits", ServerMessage.WorldLook.class).target().lines())
                .extracting(line -> line.author().name()).contains("a tall woman in a green coat").doesNotContain(ada.name());
        assertThat(mod.answer("look " + ada.name(), ServerMessage.WorldLook.class).target().name()).isEqualTo(ada.name());
    }

    @Test
    void badRecognitionInputIsRefusedWithATypedErrorAndChangesNothing() {
        Player ada = described("Ada", "a tall woman in a green coat");
        Player bo = player("Bo");
        bo.enter();
        Player far = player("Far");

        bo.refused("recog nobody at all as Nobody", "not_found");
        bo.refused("recog green coat", "invalid_message");
        bo.refused("recog green coat as " + "x".repeat(Recognition.MAX_NAME + 1), "invalid_message");
        bo.refused("recog green coat as " + ada.name(), "name_taken");
        bo.refused("recog green coat as " + far.name(), "name_taken");
        bo.refused("sdesc " + "y".repeat(Recognition.MAX_SDESC + 1), "invalid_message");
        bo.refused("sdesc " + ada.name(), "name_taken");
        bo.refused("sdesc " + ada.name().replace('a', '\u0430'), "name_taken");
        bo.refused("recog green coat as " + ada.name().toUpperCase(java.util.Locale.ROOT), "name_taken");
        bo.refused("forget Someone", "not_found");
        bo.refused("introduce nobody at all", "not_found");
        far.refused("sdesc a far traveller", "not_in_world");

        bo.answer("recog green coat as Moss", ServerMessage.WorldDone.class);
        Player cy = described("Cy", "a child with a kite");
        bo.refused("recog kite as moss", "name_taken");
        ada.answer("\"Still me.", ServerMessage.Sent.class);
        assertThat(heard(bo, "Still me.").author().name()).isEqualTo("Moss");
        assertThat(here(bo, ada, cy)).extracting(Views.Occupant::name)
                .contains("Moss", "a child with a kite", bo.name());
    }

    /**
     * Who is here as the player sees it, once the others are: on two processes, an entry on one
     * reaches the other's memory of the room a moment later, so this looks until it has.
     */
    private static List<Views.Occupant> here(Player player, Player... others) {
        long deadline = System.nanoTime() + org.tryst.testkit.Wire.TIMEOUT.toNanos();
        while (true) {
            List<Views.Occupant> here = player.answer("look", ServerMessage.WorldRoom.class).here();
            List<String> ids = here.stream().map(Views.Occupant::id).toList();
            if (java.util.Arrays.stream(others).allMatch(other -> ids.contains(other.persona().id())) || System.nanoTime() > deadline) return here;
        }
    }

    /** The next line of the world with the text (null: a whisper seen from outside) that reaches the player. */
    private static Views.WorldLine heard(Player player, String text) {
        return player.wire().expect(ServerMessage.WorldLine.class, line -> java.util.Objects.equals(line.line().text(), text)).line();
    }
}
