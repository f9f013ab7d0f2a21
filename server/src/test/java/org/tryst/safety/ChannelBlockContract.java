package org.tryst.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * In public channels, the two sides of a block do not exist for each other: no presence, no lines,
 * no profile; a mute hides lines only, from the muter only. Checked through raw sockets from the
 * blocked side, so that no client's good behaviour is needed. Run on SQLite and on PostgreSQL.
 */
abstract class ChannelBlockContract {
    private static final Duration QUIET = Duration.ofMillis(300);

    abstract TestServer server();

    /** Someone on a socket, as a persona. */
    record Side(TestServer server, Wire wire, Views.Persona persona, TestServer.User user) {
        static Side of(TestServer server, String base) {
            TestServer.User user = server.register(base.toLowerCase());
            Wire wire = server.connect(user);
            return new Side(server, wire, TestServer.persona(wire, base), user);
        }

        /** Another socket of the same account, with a new persona. */
        Side another(String base) {
            Wire other = server.connect(user);
            return new Side(server, other, TestServer.persona(other, base), user);
        }

        String channel() {
            return "blk" + persona.id().substring(0, 6).toLowerCase().replaceAll("[^a-z0-9]", "x");
        }

        Views.Joined create() {
            wire.send(new ClientMessage.ChannelCreate(wire.nextId(), persona.id(), channel(), null));
            return wire.expect(ServerMessage.ChannelJoined.class).channel();
        }

        Views.Joined join(String channel) {
            wire.send(new ClientMessage.ChannelJoin(wire.nextId(), persona.id(), channel));
            return wire.expect(ServerMessage.ChannelJoined.class).channel();
        }

        void say(String channel, String text) {
            wire.send(new ClientMessage.Say(wire.nextId(), persona.id(), channel, text));
            wire.expect(ServerMessage.Sent.class);
        }

        void hears(String text) {
            wire.expect(ServerMessage.ChannelMessage.class, m -> m.message().text().equals(text));
        }

        List<Views.Block> request(ClientMessage message) {
            wire.send(message);
            return wire.expect(ServerMessage.Blocks.class).blocks();
        }

        List<String> members(String channel) {
            wire.send(new ClientMessage.MembersList(wire.nextId(), channel));
            return wire.expect(ServerMessage.Members.class).members().stream().map(Views.Member::id).toList();
        }

        List<String> history(String channel) {
            wire.send(new ClientMessage.HistoryFetch(wire.nextId(), persona.id(), channel, null, null));
            return wire.expect(ServerMessage.History.class).messages().stream().map(Views.Message::text).toList();
        }
    }

    @Test
    void aBlockedPersonaNeitherSeesNorHearsTheBlockerNorIsHeard() {
        Side alice = Side.of(server(), "Rowan");
        Side bob = Side.of(server(), "Sage");
        Side carol = Side.of(server(), "Wren");
        String channel = alice.create().channel();
        bob.join(channel);
        carol.join(channel);
        alice.say(channel, "before the block");
        alice.wire().drain();
        bob.wire().drain();

        List<Views.Block> list = alice.request(new ClientMessage.Block(alice.wire().nextId(), bob.persona().id(), null));
        assertThat(list).singleElement().satisfies(entry -> {
            assertThat(entry.persona()).isEqualTo(new Views.Author(bob.persona().id(), bob.persona().name()));
            assertThat(entry.kind()).isEqualTo("block");
            assertThat(entry.scope()).isEqualTo(BlockScope.PERSONA);
            assertThat(entry.at()).isPositive();
        });
        // Each side sees the other leave, as anyone may; nothing says why.
        assertThat(bob.wire().expect(ServerMessage.MemberLeft.class).persona()).isEqualTo(alice.persona().id());
        assertThat(alice.wire().expect(ServerMessage.MemberLeft.class).persona()).isEqualTo(bob.persona().id());

        // Presence: the blocker is absent from the list and its changes never reach the blocked side.
        assertThat(bob.members(channel)).containsExactly(bob.persona().id(), carol.persona().id());
        bob.wire().drain();
        alice.wire().send(new ClientMessage.PresenceSet(alice.wire().nextId(), alice.persona().id(), Presence.AWAY));
        alice.wire().expect(ServerMessage.Ok.class);
        carol.wire().expect(ServerMessage.PresenceChanged.class, p -> p.persona().equals(alice.persona().id()));
        bob.wire().expectNothing(QUIET);
        alice.wire().drain();

        // Messages: neither side's lines reach the other, live or in history; everyone else hears both.
        bob.wire().drain();
        bob.say(channel, "from the blocked side");
        carol.hears("from the blocked side");
        alice.say(channel, "from the blocker");
        carol.hears("from the blocker");
        bob.hears("from the blocked side");
        alice.hears("from the blocker");
        alice.wire().expectNothing(QUIET);
        bob.wire().expectNothing(QUIET);
        assertThat(bob.history(channel)).containsExactly("from the blocked side");
        assertThat(alice.history(channel)).containsExactly("before the block", "from the blocker");
        assertThat(carol.history(channel)).hasSize(3);

        // The profile: to the blocked side, the blocker does not exist.
        bob.wire().send(new ClientMessage.PersonaShow(bob.wire().nextId(), alice.persona().name()));
        bob.wire().expectError("not_found");

        // The topic is the channel's, so it reaches everyone; who set it is not said to the blocked side.
        alice.wire().send(new ClientMessage.TopicSet(alice.wire().nextId(), alice.persona().id(), channel, "quiet"));
        assertThat(bob.wire().expect(ServerMessage.TopicChanged.class).by()).isNull();
        assertThat(carol.wire().expect(ServerMessage.TopicChanged.class).by().id()).isEqualTo(alice.persona().id());

        // A new socket joining as the blocked persona learns nothing either.
        Wire again = server().connect(bob.user());
        again.send(new ClientMessage.PersonaUse(again.nextId(), bob.persona().id()));
        Views.Joined rejoined = again.expect(ServerMessage.PersonaInUse.class).channels().getFirst();
        assertThat(rejoined.members()).extracting(Views.Member::id).doesNotContain(alice.persona().id());
        assertThat(rejoined.history()).extracting(Views.Message::text).doesNotContain("before the block", "from the blocker");

        // Unblocking restores everything, shown as the blocker coming back.
        assertThat(alice.request(new ClientMessage.Unblock(alice.wire().nextId(), bob.persona().id()))).isEmpty();
        assertThat(bob.wire().expect(ServerMessage.MemberJoined.class).member().id()).isEqualTo(alice.persona().id());
        alice.say(channel, "back again");
        bob.hears("back again");
        assertThat(bob.members(channel)).contains(alice.persona().id());
    }

    @Test
    void theBlockersBoundariesAreNotThereForTheBlockedSide() {
        Side alice = Side.of(server(), "Rowan");
        Side bob = Side.of(server(), "Sage");
        Side carol = Side.of(server(), "Wren");
        alice.wire().send(new ClientMessage.BoundariesSet(alice.wire().nextId(), alice.persona().id(),
                Map.of("pain", Answer.NO), "ask me first"));
        alice.wire().expect(ServerMessage.BoundariesInfo.class);
        assertThat(boundaries(bob, alice).notes()).isEqualTo("ask me first");
        bob.wire().send(new ClientMessage.BoundariesShow(bob.wire().nextId(), "no-such-persona"));
        String unknown = bob.wire().expectError("not_found").message();

        // A persona block hides the blocker from the personas a socket acts as, as with persona.show.
        bob.wire().send(new ClientMessage.PersonaUse(bob.wire().nextId(), bob.persona().id()));
        bob.wire().expect(ServerMessage.PersonaInUse.class);
        alice.request(new ClientMessage.Block(alice.wire().nextId(), bob.persona().id(), BlockScope.PERSONA));
        // To the blocked persona, the blocker's boundaries are refused exactly as an unknown persona's are.
        bob.wire().send(new ClientMessage.BoundariesShow(bob.wire().nextId(), alice.persona().id()));
        assertThat(bob.wire().expectError("not_found").message()).isEqualTo(unknown);
        // Anyone else, the blocked account's other personas included, still reads them; so does the blocker the blocked one's.
        assertThat(boundaries(carol, alice).notes()).isEqualTo("ask me first");
        Side other = bob.another("Sorrel");
        assertThat(boundaries(other, alice).notes()).isEqualTo("ask me first");
        assertThat(boundaries(alice, bob).persona().id()).isEqualTo(bob.persona().id());

        // An account block covers every persona of the account; unblocking shows them again.
        alice.request(new ClientMessage.Block(alice.wire().nextId(), bob.persona().id(), BlockScope.ACCOUNT));
        other.wire().send(new ClientMessage.BoundariesShow(other.wire().nextId(), alice.persona().id()));
        assertThat(other.wire().expectError("not_found").message()).isEqualTo(unknown);
        alice.request(new ClientMessage.Unblock(alice.wire().nextId(), bob.persona().id()));
        assertThat(boundaries(bob, alice).notes()).isEqualTo("ask me first");
    }

    private static Views.Boundaries boundaries(Side reader, Side owner) {
        reader.wire().drain();
        reader.wire().send(new ClientMessage.BoundariesShow(reader.wire().nextId(), owner.persona().id()));
        return reader.wire().expect(ServerMessage.BoundariesInfo.class).boundaries();
    }

    @Test
    void aPersonaBlockLeavesTheBlockedAccountsOtherPersonasAloneButAnAccountBlockCoversThemAll() {
        Side alice = Side.of(server(), "Hazel");
        Side bob = Side.of(server(), "Rook");
        String channel = alice.create().channel();
        bob.join(channel);
        alice.request(new ClientMessage.Block(alice.wire().nextId(), bob.persona().id(), BlockScope.PERSONA));

        Side bobsOther = bob.another("Linden");
        assertThat(bobsOther.join(channel).members()).extracting(Views.Member::id).contains(alice.persona().id());
        alice.say(channel, "to the other persona");
        bobsOther.hears("to the other persona");

        // The account scope covers every persona of the account, present and future.
        List<Views.Block> list = alice.request(new ClientMessage.Block(alice.wire().nextId(), bob.persona().id(), BlockScope.ACCOUNT));
        assertThat(list).singleElement().extracting(Views.Block::scope).isEqualTo(BlockScope.ACCOUNT);
        assertThat(bobsOther.wire().expect(ServerMessage.MemberLeft.class).persona()).isEqualTo(alice.persona().id());
        Side bobsNewest = bob.another("Alder");
        assertThat(bobsNewest.join(channel).members()).extracting(Views.Member::id).doesNotContain(alice.persona().id());
        bobsNewest.say(channel, "from a new persona");
        List.of(bob, bobsOther, bobsNewest).forEach(side -> side.wire().drain());
        alice.say(channel, "unheard");
        alice.hears("unheard");
        for (Side side : List.of(bob, bobsOther, bobsNewest)) {
            side.wire().expectNothing(QUIET);
            side.wire().send(new ClientMessage.PersonaShow(side.wire().nextId(), alice.persona().name()));
            side.wire().expectError("not_found");
        }
        assertThat(alice.history(channel)).doesNotContain("from a new persona");

        // Unblocking by any persona of the account lifts the account block.
        assertThat(alice.request(new ClientMessage.Unblock(alice.wire().nextId(), bobsNewest.persona().id()))).isEmpty();
        alice.say(channel, "heard again");
        bobsNewest.hears("heard again");
    }

    @Test
    void aMuteHidesLinesFromEveryDeviceOfTheMuterAndNothingElse() {
        Side alice = Side.of(server(), "Ivy");
        Side bob = Side.of(server(), "Moss");
        String channel = alice.create().channel();
        Wire alicesPhone = server().connect(alice.user());
        alicesPhone.send(new ClientMessage.PersonaUse(alicesPhone.nextId(), alice.persona().id()));
        alicesPhone.expect(ServerMessage.PersonaInUse.class);
        bob.join(channel);
        bob.say(channel, "before the mute");

        assertThat(alice.request(new ClientMessage.Mute(alice.wire().nextId(), bob.persona().id())))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.kind()).isEqualTo("mute");
                    assertThat(entry.scope()).isNull();
                });
        alice.wire().drain();
        alicesPhone.drain();
        bob.say(channel, "muted line");
        alice.say(channel, "the muter still speaks");
        bob.hears("the muter still speaks");
        alice.hears("the muter still speaks");
        alicesPhone.expect(ServerMessage.ChannelMessage.class, m -> m.message().text().equals("the muter still speaks"));
        alice.wire().expectNothing(QUIET);
        alicesPhone.expectNothing(QUIET);
        assertThat(alice.history(channel)).containsExactly("the muter still speaks");
        // Presence is untouched, both ways, and the muted one is not told.
        bob.wire().send(new ClientMessage.PresenceSet(bob.wire().nextId(), bob.persona().id(), Presence.AWAY));
        alice.wire().expect(ServerMessage.PresenceChanged.class, p -> p.persona().equals(bob.persona().id()) && p.status() == Presence.AWAY);
        assertThat(bob.members(channel)).contains(alice.persona().id());
        assertThat(alice.members(channel)).contains(bob.persona().id());

        alice.request(new ClientMessage.Unmute(alice.wire().nextId(), bob.persona().id()));
        bob.say(channel, "unmuted");
        alice.hears("unmuted");
        alicesPhone.expect(ServerMessage.ChannelMessage.class, m -> m.message().text().equals("unmuted"));
    }

    @Test
    void blocksOutliveARestart() throws InterruptedException {
        Side alice = Side.of(server(), "Sorrel");
        Side bob = Side.of(server(), "Burdock");
        alice.request(new ClientMessage.Block(alice.wire().nextId(), bob.persona().id(), BlockScope.ACCOUNT));
        server().stop();
        server().start();
        Wire bobAgain = server().connect(bob.user());
        bobAgain.send(new ClientMessage.PersonaShow(bobAgain.nextId(), alice.persona().name()));
        bobAgain.expectError("not_found");
        Wire aliceAgain = server().connect(alice.user());
        aliceAgain.send(new ClientMessage.BlocksList(aliceAgain.nextId()));
        assertThat(aliceAgain.expect(ServerMessage.Blocks.class).blocks()).extracting(Views.Block::scope)
                .containsExactly(BlockScope.ACCOUNT);
    }

    @Test
    void anOwnerOnTheOtherSideOfABlockCannotKickWhomItCannotSee() {
        Side bob = Side.of(server(), "Nettle");
        Side alice = Side.of(server(), "Clover");
        String channel = bob.create().channel();
        alice.join(channel);
        alice.request(new ClientMessage.Block(alice.wire().nextId(), bob.persona().id(), null));
        bob.wire().send(new ClientMessage.Kick(bob.wire().nextId(), bob.persona().id(), channel, alice.persona().id(), "out"));
        bob.wire().expectError("not_member");
        assertThat(alice.members(channel)).containsExactly(alice.persona().id());
    }

    @Test
    void anEntryGoesWithTheAccountItNames() {
        Side alice = Side.of(server(), "Yarrow");
        Side bob = Side.of(server(), "Teasel");
        alice.request(new ClientMessage.Block(alice.wire().nextId(), bob.persona().id(), BlockScope.ACCOUNT));
        bob.wire().send(new ClientMessage.AccountDelete(bob.wire().nextId(), TestServer.PASSWORD));
        bob.wire().expect(ServerMessage.Ok.class);
        assertThat(alice.request(new ClientMessage.BlocksList(alice.wire().nextId()))).isEmpty();
        try (var sql = server().database(); var count = sql.prepareStatement("SELECT COUNT(*) FROM blocks WHERE target_persona = ?")) {
            count.setString(1, bob.persona().id());
            var rows = count.executeQuery();
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badRequestsAreRefusedWithTypedErrorsAndChangeNothing() {
        Side alice = Side.of(server(), "Fern");
        Side alicesOther = alice.another("Bracken");
        Side bob = Side.of(server(), "Heath");
        Wire wire = alice.wire();

        wire.send(new ClientMessage.Block(wire.nextId(), alice.persona().id(), null));
        wire.expectError("invalid_message");
        wire.send(new ClientMessage.Block(wire.nextId(), alicesOther.persona().id(), BlockScope.ACCOUNT));
        wire.expectError("invalid_message");
        wire.send(new ClientMessage.Mute(wire.nextId(), alicesOther.persona().id()));
        wire.expectError("invalid_message");
        wire.send(new ClientMessage.Block(wire.nextId(), "no-such-persona", null));
        wire.expectError("not_found");
        wire.send(new ClientMessage.Unblock(wire.nextId(), bob.persona().id()));
        wire.expectError("not_found");
        wire.send(new ClientMessage.Unmute(wire.nextId(), bob.persona().id()));
        wire.expectError("not_found");
        wire.sendJson("{\"type\":\"block\",\"id\":\"x\",\"target\":\"" + bob.persona().id() + "\",\"scope\":\"everyone\"}");
        wire.expectError("invalid_message");
        wire.sendJson("{\"type\":\"block\",\"id\":\"y\"}");
        wire.expectError("invalid_message");
        assertThat(alice.request(new ClientMessage.BlocksList(wire.nextId()))).isEmpty();

        // Blocking twice keeps one entry; a mute and a block of the same persona are two entries.
        alice.request(new ClientMessage.Block(wire.nextId(), bob.persona().id(), null));
        alice.request(new ClientMessage.Block(wire.nextId(), bob.persona().id(), null));
        List<Views.Block> list = alice.request(new ClientMessage.Mute(wire.nextId(), bob.persona().id()));
        assertThat(list).extracting(Views.Block::kind).containsExactlyInAnyOrder("block", "mute");
        // The list belongs to the account: the other persona's socket reads the same.
        assertThat(alicesOther.request(new ClientMessage.BlocksList(alicesOther.wire().nextId()))).hasSize(2);
    }
}
