package org.tryst.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.storage.Database;

/**
 * Playing the world as users meet it, through a real server and raw sockets: entering, moving,
 * talking, things, blocks, locks, ratings and building; run on SQLite and PostgreSQL by the subclasses.
 */
abstract class PlayContract {
    private static final Duration QUIET = Duration.ofMillis(300);

    abstract TestServer server();

    /** Each test starts from the shipped area, whatever the one before built. */
    @BeforeEach
    void shippedWorld() {
        try (Database database = server().openDatabase()) {
            new World(database.sql()).replace(World.startingArea());
        }
    }

    Player player(String base) {
        return Player.join(server(), base);
    }

    /** The audit log's entries as "ACTION TARGET", oldest first. */
    java.util.List<String> audited() {
        try (Database database = server().openDatabase()) {
            return new org.tryst.moderation.AuditLog(database.sql()).all().stream().map(entry -> entry.action() + " " + entry.target()).toList();
        }
    }

    Player builder(String base) {
        return player(base).withRole(server(), "builder");
    }

    Player withRole(Player player, String role) {
        return player.withRole(server(), role);
    }

    Player again(Player player) {
        return player.again(server());
    }

    @Test
    void withoutRecognitionItsCommandsAreRefusedAndEveryoneAppearsByName() {
        Player ada = player("Ada");
        Player bo = player("Bo");
        ada.enter();
        bo.enter();
        for (String line : java.util.List.of("sdesc a tall woman", "sdesc", "recog Bo as Friend", "recog", "forget Friend", "introduce")) {
            ada.refused(line, "forbidden");
        }
        ada.answer("\"Hi.", ServerMessage.Sent.class);
        assertThat(bo.wire().expect(ServerMessage.WorldLine.class, line -> "Hi.".equals(line.line().text())).line().author())
                .extracting(Views.Author::name, Views.Author::shown).containsExactly(ada.name(), null);
        assertThat(bo.answer("look " + ada.name(), ServerMessage.WorldLook.class).target().name()).isEqualTo(ada.name());
        ada.wire().close();
        bo.wire().close();
    }

    @Test
    void playersSeeEachOtherArriveTalkAndLeaveThroughExits() {
        Player ada = player("Ada");
        Player bo = player("Bo");
        ServerMessage.WorldRoom first = ada.enter();
        assertThat(first.room().id()).isEqualTo("courtyard");
        assertThat(first.room().exits()).extracting(Views.ExitView::name).contains("north");
        assertThat(first.room().things()).extracting(Views.ThingView::name).isNotEmpty();
        assertThat(first.here()).extracting(Views.Occupant::id).contains(ada.persona().id());

        assertThat(bo.enter().here()).extracting(Views.Occupant::name).contains(ada.name(), bo.name());
        ServerMessage.WorldArrived arrived = ada.wire().expect(ServerMessage.WorldArrived.class);
        assertThat(arrived).isEqualTo(new ServerMessage.WorldArrived("courtyard",
                new Views.Occupant(bo.persona().id(), bo.name(), org.tryst.protocol.Presence.ONLINE, null), null, "entered"));

        ada.answer("\"Hello, Bo.", ServerMessage.Sent.class);
        assertThat(bo.wire().expect(ServerMessage.WorldLine.class).line()).satisfies(line -> {
            assertThat(line.kind()).isEqualTo("say");
            assertThat(line.text()).isEqualTo("Hello, Bo.");
            assertThat(line.author().id()).isEqualTo(ada.persona().id());
        });
        ada.answer(":waves.", ServerMessage.Sent.class);
        assertThat(bo.wire().expect(ServerMessage.WorldLine.class).line().kind()).isEqualTo("pose");
        ada.answer(";'s smile fades.", ServerMessage.Sent.class);
        assertThat(bo.wire().expect(ServerMessage.WorldLine.class).line()).extracting(Views.WorldLine::kind, Views.WorldLine::text)
                .containsExactly("semipose", "'s smile fades.");
        ada.answer("emit The fountain falls silent.", ServerMessage.Sent.class);
        Views.WorldLine emit = bo.wire().expect(ServerMessage.WorldLine.class).line();
        assertThat(emit.kind()).isEqualTo("emit");
        assertThat(emit.author().id()).as("an emit always names its author").isEqualTo(ada.persona().id());
        Views.Looked emits = bo.answer("look emits", ServerMessage.WorldLook.class).target();
        assertThat(emits.lines()).extracting(line -> line.author().name()).contains(ada.name());

        Views.RoomView library = ada.go("n");
        assertThat(library.id()).isEqualTo("library");
        ServerMessage.WorldDeparted departed = bo.wire().expect(ServerMessage.WorldDeparted.class);
        assertThat(departed.persona().id()).isEqualTo(ada.persona().id());
        assertThat(departed.via()).isEqualTo("north");
        assertThat(bo.answer("look", ServerMessage.WorldRoom.class).here()).extracting(Views.Occupant::id).doesNotContain(ada.persona().id());

        bo.go("north");
        ServerMessage.WorldArrived boArrives = ada.wire().expect(ServerMessage.WorldArrived.class);
        assertThat(boArrives.via()).as("the exit of this room that leads back").isEqualTo("south");
        assertThat(boArrives.how()).isEqualTo("moved");

        bo.wire().send(new ClientMessage.WorldLeave(bo.wire().nextId(), bo.persona().id()));
        bo.wire().expect(ServerMessage.Ok.class);
        assertThat(ada.wire().expect(ServerMessage.WorldDeparted.class).how()).isEqualTo("left");
        bo.refused("look", "not_in_world");
        ada.wire().close();
    }

    @Test
    void aPersonaWhoDisconnectsLeavesTheRoomAndComesBackWhenOnlineAgain() {
        Player ada = player("Stays");
        Player bo = player("Goes");
        ada.enter();
        bo.enter();
        ada.wire().expect(ServerMessage.WorldArrived.class);
        bo.wire().close();
        assertThat(ada.wire().expect(ServerMessage.WorldDeparted.class).how()).isEqualTo("disconnected");

        Player back = again(bo);
        assertThat(ada.wire().expect(ServerMessage.WorldArrived.class).how()).isEqualTo("connected");
        ada.answer("say welcome back", ServerMessage.Sent.class);
        assertThat(back.wire().expect(ServerMessage.WorldLine.class).line().text())
                .as("a socket online as a persona in the world follows its room without entering again").isEqualTo("welcome back");
        ada.wire().close();
        back.wire().close();
    }

    @Test
    void wrongCommandsGetTypedErrorsAndChangeNothing() {
        Player ada = player("Wrong");
        ada.refused("look", "not_in_world");
        ada.enter();
        ada.refused("xyzzy", "unknown_command");
        ada.refused("dance wildly", "unknown_command");
        ada.refused("go sideways", "no_exit");
        ada.refused("whisper nobody", "invalid_message");
        ada.refused("look unicorn", "not_found");
        ada.refused("get unicorn", "not_found");
        ada.refused("page Nobody-At-All=hi", "not_found");
        ada.refused("@dig Attic", "forbidden");
        ada.refused("help nonsense", "not_found");
        ada.wire().sendJson("{\"type\":\"world.command\",\"id\":\"x\",\"persona\":\"" + ada.persona().id() + "\",\"line\":\"   \"}");
        ada.wire().expectError("invalid_message");
        ada.wire().sendJson("{\"type\":\"world.command\",\"id\":\"y\",\"persona\":\"" + ada.persona().id() + "\",\"line\":\""
                + "x".repeat(ClientMessage.MAX_COMMAND + 1) + "\"}");
        ada.wire().expectError("invalid_message");
        assertThat(ada.answer("look", ServerMessage.WorldRoom.class).room().id()).isEqualTo("courtyard");
        assertThat(ada.answer("help", ServerMessage.WorldHelp.class).topics()).contains("look", "building", "scenes");
        assertThat(ada.answer("help @dig", ServerMessage.WorldHelp.class).topic()).isEqualTo("building");
        ada.wire().close();
    }

    @Test
    void whispersShowTheRoomOnlyThatOneHappenedAndPagesCrossRooms() {
        Player ada = player("Whisperer");
        Player bo = player("Hearer");
        Player cy = player("Onlooker");
        ada.enter();
        bo.enter();
        cy.enter();
        ada.wire().drain();
        bo.wire().drain();

        ada.answer("whisper " + bo.name() + "=meet me by the pond", ServerMessage.Sent.class);
        assertThat(bo.wire().expect(ServerMessage.WorldLine.class).line().text()).isEqualTo("meet me by the pond");
        Views.WorldLine seen = cy.wire().expect(ServerMessage.WorldLine.class, line -> "whisper".equals(line.line().kind())).line();
        assertThat(seen.text()).isNull();
        assertThat(seen.to().id()).isEqualTo(bo.persona().id());
        bo.wire().expectNothing(QUIET);

        cy.go("north");
        ada.answer("page " + cy.name() + "=come back", ServerMessage.Sent.class);
        Views.WorldLine page = cy.wire().expect(ServerMessage.WorldLine.class).line();
        assertThat(page).extracting(Views.WorldLine::kind, Views.WorldLine::text, Views.WorldLine::room).containsExactly("page", "come back", null);
        bo.wire().expectNo(ServerMessage.WorldLine.class, QUIET);
        for (Player player : new Player[] {ada, bo, cy}) player.wire().close();
    }

    @Test
    void aBlockHidesTheTwoSidesFromEachOtherInTheRoom() {
        Player ada = player("Blocked");
        Player bo = player("Blocker");
        ada.enter();
        bo.enter();
        ada.wire().expect(ServerMessage.WorldArrived.class);
        bo.wire().send(new ClientMessage.Block(bo.wire().nextId(), ada.persona().id(), BlockScope.PERSONA));
        bo.wire().expect(ServerMessage.Blocks.class);
        assertThat(ada.wire().expect(ServerMessage.WorldDeparted.class).how()).isEqualTo("gone");
        assertThat(bo.wire().expect(ServerMessage.WorldDeparted.class).how()).isEqualTo("gone");

        assertThat(bo.answer("look", ServerMessage.WorldRoom.class).here()).extracting(Views.Occupant::id).doesNotContain(ada.persona().id());
        assertThat(ada.answer("look", ServerMessage.WorldRoom.class).here()).extracting(Views.Occupant::id).doesNotContain(bo.persona().id());
        ada.answer("say can you hear me", ServerMessage.Sent.class);
        bo.wire().expectNo(ServerMessage.WorldLine.class, QUIET);
        ada.refused("whisper " + bo.name() + "=psst", "not_found");
        ada.refused("look " + bo.name(), "not_found");
        ada.go("north");
        bo.wire().expectNo(ServerMessage.WorldDeparted.class, QUIET);
        ada.wire().close();
        bo.wire().close();
    }

    @Test
    void thingsArePickedUpDroppedAndGivenInSightOfTheRoom() {
        Player ada = builder("Maker");
        Player bo = player("Taker");
        ada.enter();
        bo.enter();
        ada.wire().drain();
        ada.refused("get fountain", "forbidden");
        assertThat(ada.answer("@create a brass lamp", ServerMessage.WorldDone.class).text()).contains("brass lamp");
        assertThat(ada.answer("inventory", ServerMessage.WorldInventory.class).things()).extracting(Views.ThingView::name)
                .containsExactly("a brass lamp");
        ada.answer("drop lamp", ServerMessage.Ok.class);
        assertThat(bo.wire().expect(ServerMessage.WorldThing.class)).extracting(ServerMessage.WorldThing::action).isEqualTo("dropped");
        bo.answer("get lamp", ServerMessage.Ok.class);
        assertThat(ada.wire().expect(ServerMessage.WorldThing.class).action()).isEqualTo("got");
        bo.answer("give " + ada.name() + "=lamp", ServerMessage.Ok.class);
        ServerMessage.WorldThing given = ada.wire().expect(ServerMessage.WorldThing.class);
        assertThat(given.to().id()).isEqualTo(ada.persona().id());
        assertThat(ada.answer("look lamp", ServerMessage.WorldLook.class).target().kind()).isEqualTo("thing");
        ada.wire().close();
        bo.wire().close();
    }

    @Test
    void buildersDigOpenDescribeLockRateAndUndoTheirOwnRoomsOnly() {
        Player ada = builder("Digger");
        Player other = builder("Neighbour");
        Player bo = player("Visitor");
        ada.enter();
        other.enter();
        bo.enter();
        ada.refused("@describe here=My courtyard now", "forbidden");
        String dug = ada.answer("@dig Quiet Attic", ServerMessage.WorldDone.class).text();
        String attic = dug.substring(dug.indexOf('(') + 1, dug.indexOf(')'));
        ada.refused("@open up=" + attic, "forbidden");

        // The courtyard is the operator's: a moderator opens the way up.
        Player moderator = withRole(player("Warden"), "moderator");
        moderator.enter();
        assertThat(moderator.answer("@open ladder=" + attic, ServerMessage.WorldDone.class).text()).contains("Opened ladder");
        assertThat(ada.wire().expect(ServerMessage.WorldUpdated.class).room().exits()).extracting(Views.ExitView::name).contains("ladder");
        assertThat(ada.go("ladder").id()).isEqualTo(attic);
        assertThat(audited()).as("a moderator's change to the operator's room is audited").contains("world @open room courtyard");
        assertThat(ada.answer("@open down;d=courtyard", ServerMessage.WorldDone.class).text()).contains("Opened down");
        ada.answer("@describe here=Dust and old trunks.", ServerMessage.WorldDone.class);
        ada.answer("@describe here=Scrawled over.", ServerMessage.WorldDone.class);
        assertThat(ada.answer("@undo here", ServerMessage.WorldDone.class).text()).contains("Undone");
        assertThat(ada.answer("look", ServerMessage.WorldRoom.class).room().description()).isEqualTo("Dust and old trunks.");
        assertThat(ada.go("d").id()).isEqualTo("courtyard");

        other.go("ladder");
        other.refused("@describe here=Mine now", "forbidden");
        other.refused("@name here=Taken", "forbidden");
        other.go("down");

        ada.go("ladder");
        ada.refused("@lock here=owner &", "invalid_message");
        ada.answer("@lock here=owner | is:" + other.name(), ServerMessage.WorldDone.class);
        ada.go("down");
        bo.refused("ladder", "locked");
        assertThat(other.go("ladder").id()).isEqualTo(attic);
        other.go("down");

        ada.go("ladder");
        ada.answer("@unlock here", ServerMessage.WorldDone.class);
        ada.answer("@rating here=adult", ServerMessage.WorldDone.class);
        ada.go("down");
        assertThat(bo.answer("look ladder", ServerMessage.WorldLook.class).target().rating()).isEqualTo("adult");
        bo.refused("ladder", "adult_area");
        bo.answer("@adult on", ServerMessage.WorldDone.class);
        assertThat(bo.go("ladder").id()).isEqualTo(attic);
        bo.answer("home", ServerMessage.Ok.class);
        assertThat(bo.wire().expect(ServerMessage.WorldRoom.class, r -> r.id() == null).room().id()).isEqualTo("courtyard");

        bo.go("ladder");
        ada.refused("ladder", "adult_area");
        ada.answer("@adult on", ServerMessage.WorldDone.class);
        ada.go("ladder");
        ada.refused("@destroy nothing-here", "not_found");
        assertThat(ada.answer("@destroy here", ServerMessage.WorldDone.class).text()).contains("Destroyed");
        assertThat(bo.wire().expect(ServerMessage.WorldRoom.class, r -> r.id() == null).room().id())
                .as("whoever was in a destroyed room is in the starting room").isEqualTo("courtyard");
        assertThat(bo.answer("look", ServerMessage.WorldRoom.class).room().exits()).extracting(Views.ExitView::name).doesNotContain("ladder");
        bo.refused("ladder", "unknown_command");
        for (Player player : new Player[] {ada, other, bo, moderator}) player.wire().close();
    }

    @Test
    void aMutedAccountMovesAndLooksButIsNotHeard() {
        Player ada = player("Muted");
        Player bo = player("Ears");
        Player warden = withRole(player("Desk"), "moderator");
        ada.enter();
        bo.enter();
        warden.wire().send(new ClientMessage.ModAct(warden.wire().nextId(), "mute", ada.persona().id(), null, 1, "spam", null, null));
        warden.wire().expect(ServerMessage.Ok.class);
        ada.wire().expect(ServerMessage.Notice.class);
        bo.wire().drain();
        ada.refused("say anyone?", "muted");
        ada.refused("page " + bo.name() + "=psst", "muted");
        ada.refused(":waves", "muted");
        assertThat(ada.go("n").id()).isEqualTo("library");
        assertThat(ada.answer("look", ServerMessage.WorldRoom.class).room().id()).isEqualTo("library");
        bo.wire().expectNo(ServerMessage.WorldLine.class, QUIET);
        for (Player player : new Player[] {ada, bo, warden}) player.wire().close();
    }

    @Test
    void aDeletedPersonaIsGoneFromItsRoom() {
        Player ada = player("Deleted");
        Player bo = player("Witness");
        ada.enter();
        bo.enter();
        ada.wire().send(new ClientMessage.PersonaDelete(ada.wire().nextId(), ada.persona().id()));
        ServerMessage.WorldDeparted gone = bo.wire().expect(ServerMessage.WorldDeparted.class);
        assertThat(gone.persona().id()).isEqualTo(ada.persona().id());
        assertThat(bo.answer("look", ServerMessage.WorldRoom.class).here()).extracting(Views.Occupant::id).doesNotContain(ada.persona().id());
        assertThat(bo.answer("who", ServerMessage.WorldWho.class).people()).extracting(entry -> entry.persona().id())
                .doesNotContain(ada.persona().id());
        ada.wire().close();
        bo.wire().close();
    }

    @Test
    void aLineSeenWholeIsReportedWithTheServersCopyAndOthersLinesAreNot() {
        Player ada = player("Pester");
        Player bo = player("Reporter");
        Player cy = player("Bystander");
        ada.enter();
        bo.enter();
        cy.enter();
        ada.answer("whisper " + bo.name() + "=you again", ServerMessage.Sent.class);
        Views.WorldLine whisper = bo.wire().expect(ServerMessage.WorldLine.class, line -> "whisper".equals(line.line().kind())).line();
        String id = bo.wire().nextId();
        bo.wire().send(new ClientMessage.ReportWorld(id, bo.persona().id(), whisper.id(), "harassment", null));
        Views.Report report = bo.wire().expect(ServerMessage.ReportFiled.class).report();
        assertThat(report).extracting(Views.Report::kind, Views.Report::text, Views.Report::verification)
                .containsExactly("world", "you again", "verified");
        assertThat(report.reported().id()).isEqualTo(ada.persona().id());

        cy.wire().send(new ClientMessage.ReportWorld(cy.wire().nextId(), cy.persona().id(), whisper.id(), "harassment", null));
        cy.wire().expectError("not_found");
        ada.wire().send(new ClientMessage.ReportWorld(ada.wire().nextId(), ada.persona().id(), "no-such-line", "spam", null));
        ada.wire().expectError("not_found");
        for (Player player : new Player[] {ada, bo, cy}) player.wire().close();
    }
}
