package org.tryst.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * Statuses, the looking list, do not disturb and typing through a real server and raw sockets:
 * what each place a persona appears shows, what idleness dims, who the looking list and typing
 * leave out, invitations held while a persona does not want to be disturbed, and refused input.
 * Run on SQLite, PostgreSQL and two processes by the subclasses, so that every change crosses the bus.
 */
abstract class StatusesContract {
    /** Status changes per hour one account may make, as the subclasses configure it. */
    static final String STATUS_CHANGES_PER_HOUR = "12";
    private static final Duration QUIET = Duration.ofMillis(600);

    abstract TestServer server();

    /** A registered account on a raw socket, speaking as one persona it uses there. */
    record Member(TestServer.User user, Wire wire, Views.Persona persona) {
        ServerMessage request(Function<String, ClientMessage> build) {
            String id = wire.nextId();
            wire.send(build.apply(id));
            return wire.expect(ServerMessage.Reply.class, reply -> id.equals(reply.id()));
        }

        void ok(Function<String, ClientMessage> build) {
            assertThat(request(build)).isInstanceOf(ServerMessage.Ok.class);
        }

        /** A block or a mute, answered with the account's list. */
        void blocks(Function<String, ClientMessage> build) {
            assertThat(request(build)).isInstanceOf(ServerMessage.Blocks.class);
        }

        String refusal(Function<String, ClientMessage> build) {
            ServerMessage reply = request(build);
            assertThat(reply).isInstanceOf(ServerMessage.Error.class);
            return ((ServerMessage.Error) reply).code();
        }

        Views.Persona status(Presence status, String line) {
            return ((ServerMessage.PersonaInfo) request(id -> new ClientMessage.StatusSet(id, persona.id(), status, line))).persona();
        }

        /** Joins the channel, creating it when nobody has. */
        void join(String channel) {
            ServerMessage joined = request(id -> new ClientMessage.ChannelJoin(id, persona.id(), channel));
            if (joined instanceof ServerMessage.Error) joined = request(id -> new ClientMessage.ChannelCreate(id, persona.id(), channel, ""));
            assertThat(joined).isInstanceOf(ServerMessage.ChannelJoined.class);
        }

        ServerMessage.WorldRoom enterWorld() {
            return (ServerMessage.WorldRoom) request(id -> new ClientMessage.WorldEnter(id, persona.id()));
        }

        List<Views.Looking> looking() {
            return ((ServerMessage.Looking) request(ClientMessage.LookingList::new)).personas();
        }

        void typing(String channel, boolean typing) {
            ok(id -> new ClientMessage.TypingNow(id, persona.id(), channel, null, typing));
        }

        ServerMessage.PresenceChanged presenceOf(Member other) {
            return wire.expect(ServerMessage.PresenceChanged.class, news -> news.persona().equals(other.persona().id()));
        }

        ServerMessage.Typing typingOf(Member other) {
            return wire.expect(ServerMessage.Typing.class, news -> news.persona().equals(other.persona().id()));
        }
    }

    Member member(String name) {
        TestServer.User user = server().register(name.toLowerCase());
        Wire wire = server().connect(user);
        Views.Persona persona = TestServer.persona(wire, name);
        Member member = new Member(user, wire, persona);
        member.request(id -> new ClientMessage.PersonaUse(id, persona.id()));
        return member;
    }

    /** A new socket of the same account, online as the same persona. */
    Member again(Member member) {
        Wire wire = server().connect(member.user());
        Member again = new Member(member.user(), wire, member.persona());
        again.request(id -> new ClientMessage.PersonaUse(id, member.persona().id()));
        return again;
    }

    static String channel() {
        return TestServer.uniqueName("status-room-");
    }

    @Test
    void aChosenStatusAndLineShowInChannelsAndProfilesAndOutlastTheSession() {
        Member rowan = member("Rowan");
        Member sage = member("Sage");
        String channel = channel();
        rowan.join(channel);
        sage.join(channel);

        Views.Persona chosen = rowan.status(Presence.LOOKING, "Up for a slow-burn mystery");
        assertThat(chosen.status()).isEqualTo(Presence.LOOKING);
        assertThat(chosen.statusLine()).isEqualTo("Up for a slow-burn mystery");
        ServerMessage.PresenceChanged news = sage.presenceOf(rowan);
        assertThat(news).isEqualTo(new ServerMessage.PresenceChanged(channel, rowan.persona().id(), Presence.LOOKING, "Up for a slow-burn mystery"));
        Views.Persona profile = ((ServerMessage.PersonaInfo) sage.request(id -> new ClientMessage.PersonaShow(id, rowan.persona().name()))).persona();
        assertThat(profile.status()).isEqualTo(Presence.LOOKING);
        assertThat(profile.statusLine()).isEqualTo("Up for a slow-burn mystery");

        rowan.wire().close();
        assertThat(sage.presenceOf(rowan).status()).isEqualTo(Presence.OFFLINE);
        Member back = again(rowan);
        assertThat(sage.presenceOf(rowan).status()).as("the choice outlasts the session").isEqualTo(Presence.LOOKING);
        Views.Member listed = ((ServerMessage.Members) sage.request(id -> new ClientMessage.MembersList(id, channel))).members().stream()
                .filter(member -> member.id().equals(rowan.persona().id())).findFirst().orElseThrow();
        assertThat(listed.status()).isEqualTo(Presence.LOOKING);
        assertThat(listed.statusLine()).isEqualTo("Up for a slow-burn mystery");
        assertThat(back.status(Presence.ONLINE, null).statusLine()).isNull();
        assertThat(sage.presenceOf(rowan)).isEqualTo(new ServerMessage.PresenceChanged(channel, rowan.persona().id(), Presence.ONLINE, null));
    }

    @Test
    void idlenessDimsOnlineAndLookingButNotBusyOrDoNotDisturb() {
        Member rowan = member("Rowan");
        Member sage = member("Sage");
        String channel = channel();
        rowan.join(channel);
        sage.join(channel);

        rowan.ok(id -> new ClientMessage.PresenceSet(id, rowan.persona().id(), Presence.AWAY));
        assertThat(sage.presenceOf(rowan).status()).isEqualTo(Presence.AWAY);
        rowan.status(Presence.LOOKING, "");
        sage.wire().expectNo(ServerMessage.PresenceChanged.class, QUIET);
        rowan.status(Presence.BUSY, "");
        assertThat(sage.presenceOf(rowan).status()).isEqualTo(Presence.BUSY);
        rowan.ok(id -> new ClientMessage.PresenceSet(id, rowan.persona().id(), Presence.ONLINE));
        sage.wire().expectNo(ServerMessage.PresenceChanged.class, QUIET);
        rowan.ok(id -> new ClientMessage.PresenceSet(id, rowan.persona().id(), Presence.AWAY));
        rowan.status(Presence.DND, "writing");
        assertThat(sage.presenceOf(rowan)).isEqualTo(new ServerMessage.PresenceChanged(channel, rowan.persona().id(), Presence.DND, "writing"));
    }

    @Test
    void theWorldRoomAndWhoShowStatusesAndHearTheirChanges() {
        Member rowan = member("Rowan");
        Member sage = member("Sage");
        String room = sage.enterWorld().room().id();
        rowan.enterWorld();
        rowan.status(Presence.BUSY, "back in 10");
        assertThat(sage.wire().expect(ServerMessage.WorldPresence.class, news -> news.persona().equals(rowan.persona().id())))
                .isEqualTo(new ServerMessage.WorldPresence(room, rowan.persona().id(), Presence.BUSY, "back in 10"));

        ServerMessage.WorldRoom look = (ServerMessage.WorldRoom) sage.request(id -> new ClientMessage.WorldCommand(id, sage.persona().id(), "look"));
        Views.Occupant occupant = look.here().stream().filter(here -> here.id().equals(rowan.persona().id())).findFirst().orElseThrow();
        assertThat(occupant.status()).isEqualTo(Presence.BUSY);
        assertThat(occupant.statusLine()).isEqualTo("back in 10");
        ServerMessage.WorldWho who = (ServerMessage.WorldWho) sage.request(id -> new ClientMessage.WorldCommand(id, sage.persona().id(), "who"));
        Views.WhoEntry entry = who.people().stream().filter(person -> person.persona().id().equals(rowan.persona().id())).findFirst().orElseThrow();
        assertThat(entry.status()).isEqualTo(Presence.BUSY);
        assertThat(entry.statusLine()).isEqualTo("back in 10");

        rowan.ok(id -> new ClientMessage.PresenceSet(id, rowan.persona().id(), Presence.AWAY));
        sage.wire().expectNo(ServerMessage.WorldPresence.class, QUIET);
        rowan.status(Presence.ONLINE, "");
        assertThat(sage.wire().expect(ServerMessage.WorldPresence.class, news -> news.persona().equals(rowan.persona().id())).status())
                .as("online while idle shows away").isEqualTo(Presence.AWAY);
    }

    @Test
    void theLookingListShowsWhoIsLookingNowNewestFirstAndLeavesOutOwnBlockedMutedIdleAndOffline() {
        Member sage = member("Sage");
        Member rowan = member("Rowan");
        Member wren = member("Wren");
        Member blocker = member("Blocker");
        Member muted = member("Muted");
        Member idle = member("Idle");
        Member gone = member("Gone");
        for (Member member : List.of(sage, rowan, wren, blocker, muted, idle, gone)) member.status(Presence.LOOKING, "up for anything");
        wren.status(Presence.LOOKING, "the newest choice is first; a new line alone keeps the place");
        rowan.status(Presence.BUSY, "");
        pause(); // choices a millisecond apart
        rowan.status(Presence.LOOKING, "back again");
        blocker.blocks(id -> new ClientMessage.Block(id, sage.persona().id(), BlockScope.ACCOUNT));
        sage.blocks(id -> new ClientMessage.Mute(id, muted.persona().id()));
        idle.ok(id -> new ClientMessage.PresenceSet(id, idle.persona().id(), Presence.AWAY));
        gone.wire().close();

        Set<String> ours = Set.of(sage.persona().id(), rowan.persona().id(), wren.persona().id(), blocker.persona().id(),
                muted.persona().id(), idle.persona().id(), gone.persona().id());
        List<Views.Looking> seen = awaitLooking(sage, ours, 2);
        assertThat(seen).extracting(looking -> looking.persona().id()).containsExactly(rowan.persona().id(), wren.persona().id());
        assertThat(seen.getFirst().statusLine()).isEqualTo("back again");
        assertThat(seen.getFirst().since()).isGreaterThan(seen.get(1).since());
        assertThat(seen.get(1).statusLine()).startsWith("the newest choice");
        assertThat(awaitLooking(rowan, ours, 4)).extracting(looking -> looking.persona().id())
                .containsExactlyInAnyOrder(wren.persona().id(), sage.persona().id(), blocker.persona().id(), muted.persona().id());
    }

    /** The looking list as the viewer sees it, of the given personas, once the bus has told every process of the goings. */
    private static List<Views.Looking> awaitLooking(Member viewer, Set<String> of, int expected) {
        long until = System.nanoTime() + Wire.TIMEOUT.toNanos();
        List<Views.Looking> seen;
        do {
            seen = viewer.looking().stream().filter(looking -> of.contains(looking.persona().id())).toList();
        } while (seen.size() != expected && System.nanoTime() < until);
        return seen;
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void doNotDisturbHoldsInvitationsUntilThePersonaChoosesAnotherStatus() {
        Member rowan = member("Rowan");
        Member sage = member("Sage");
        sage.status(Presence.DND, "writing");
        String scene = TestServer.sceneOf(rowan.wire(), rowan.persona());
        ServerMessage invited = rowan.request(id -> new ClientMessage.SceneInvite(id, scene, rowan.persona().id(), sage.persona().id(),
                "Tea at the lighthouse?"));
        assertThat(invited).isInstanceOf(ServerMessage.InvitationInfo.class);
        sage.wire().expectNo(ServerMessage.InvitationReceived.class, QUIET);
        ServerMessage.Invitations list = (ServerMessage.Invitations) sage.request(ClientMessage.InvitationList::new);
        assertThat(list.received()).extracting(invitation -> invitation.note()).containsExactly("Tea at the lighthouse?");

        sage.status(Presence.BUSY, "");
        ServerMessage.InvitationReceived held = sage.wire().expect(ServerMessage.InvitationReceived.class);
        assertThat(held.invitation().note()).isEqualTo("Tea at the lighthouse?");
        sage.status(Presence.ONLINE, "");
        sage.wire().expectNo(ServerMessage.InvitationReceived.class, QUIET);
    }

    @Test
    void anAdShowsItsPersonasStatusOnTheBoard() {
        Member rowan = member("Rowan");
        Member sage = member("Sage");
        rowan.request(id -> new ClientMessage.BoardPost(id, rowan.persona().id(), "Letters by the sea", "", List.of("romance"), "general"));
        rowan.status(Presence.LOOKING, "");
        ServerMessage.Board board = (ServerMessage.Board) sage.request(id -> new ClientMessage.BoardList(id, sage.persona().id()));
        Views.Ad ad = board.ads().stream().filter(seen -> seen.persona().id().equals(rowan.persona().id())).findFirst().orElseThrow();
        assertThat(ad.status()).isEqualTo(Presence.LOOKING);
    }

    @Test
    void typingReachesOthersInTheChannelButNotTheTyperABlockAMuteOrAnAccountThatTurnedItOff() {
        Member rowan = member("Rowan");
        Member sage = member("Sage");
        Member blocker = member("Blocker");
        Member muter = member("Muter");
        Member quiet = member("Quiet");
        Member rowanElsewhere = again(rowan);
        String channel = channel();
        for (Member member : List.of(rowan, sage, blocker, muter, quiet)) member.join(channel);
        blocker.blocks(id -> new ClientMessage.Block(id, rowan.persona().id(), BlockScope.PERSONA));
        muter.blocks(id -> new ClientMessage.Mute(id, rowan.persona().id()));
        quiet.ok(id -> new ClientMessage.TypingShare(id, false));

        rowan.typing(channel, true);
        assertThat(sage.typingOf(rowan)).isEqualTo(new ServerMessage.Typing(channel, null, rowan.persona().id(), true));
        assertThat(rowan.refusal(id -> new ClientMessage.TypingNow(id, rowan.persona().id(), channel, null, true)))
                .as("a renewal sooner than the protocol allows").isEqualTo("rate_limited");
        rowan.typing(channel, false);
        assertThat(sage.typingOf(rowan).typing()).isFalse();
        for (Member left : List.of(rowan, rowanElsewhere, blocker, muter, quiet)) left.wire().expectNo(ServerMessage.Typing.class, QUIET);

        quiet.typing(channel, true);
        sage.wire().expectNo(ServerMessage.Typing.class, QUIET);
        quiet.ok(id -> new ClientMessage.TypingShare(id, true));
        quiet.typing(channel, true);
        assertThat(sage.typingOf(quiet).typing()).isTrue();
    }

    @Test
    void welcomeSaysWhetherTheAccountSharesTyping() {
        Member quiet = member("Quiet");
        quiet.ok(id -> new ClientMessage.TypingShare(id, false));
        Wire wire = Wire.connect(server().ws(0), server().origin());
        wire.send(new ClientMessage.Hello(wire.nextId(), org.tryst.protocol.Codec.VERSION, server().ticket(quiet.user().token())));
        assertThat(wire.expect(ServerMessage.Welcome.class).shareTyping()).isFalse();
        wire.close();
    }

    @Test
    void typingInAWorldRoomReachesThoseThere() {
        Member rowan = member("Rowan");
        Member sage = member("Sage");
        String room = sage.enterWorld().room().id();
        rowan.enterWorld();
        rowan.ok(id -> new ClientMessage.TypingNow(id, rowan.persona().id(), null, room, true));
        assertThat(sage.typingOf(rowan)).isEqualTo(new ServerMessage.Typing(null, room, rowan.persona().id(), true));
        assertThat(rowan.refusal(id -> new ClientMessage.TypingNow(id, rowan.persona().id(), null, "elsewhere", true))).isEqualTo("not_member");
    }

    @Test
    void malformedUnauthorisedAndOutOfPlaceRequestsAreRefusedAndChangeNothing() {
        Member rowan = member("Rowan");
        Member sage = member("Sage");
        String channel = channel();
        sage.join(channel);
        String me = rowan.persona().id();
        assertThat(rowan.refusal(id -> new ClientMessage.StatusSet(id, sage.persona().id(), Presence.BUSY, ""))).isEqualTo("not_your_persona");
        assertThat(rowan.refusal(id -> new ClientMessage.TypingNow(id, me, channel, null, true))).isEqualTo("not_member");
        assertThat(rowan.refusal(id -> new ClientMessage.TypingNow(id, sage.persona().id(), channel, null, true))).isEqualTo("not_your_persona");
        for (String json : List.of(
                "{\"type\":\"status.set\",\"id\":\"%s\",\"persona\":\"" + me + "\",\"status\":\"offline\"}",
                "{\"type\":\"status.set\",\"id\":\"%s\",\"persona\":\"" + me + "\",\"status\":\"sleepy\"}",
                "{\"type\":\"status.set\",\"id\":\"%s\",\"persona\":\"" + me + "\"}",
                "{\"type\":\"status.set\",\"id\":\"%s\",\"persona\":\"" + me + "\",\"status\":\"busy\",\"statusLine\":\"" + "x".repeat(121) + "\"}",
                "{\"type\":\"status.set\",\"id\":\"%s\",\"persona\":\"" + me + "\",\"status\":\"busy\",\"statusLine\":\"two\\nlines\"}",
                "{\"type\":\"status.set\",\"id\":\"%s\",\"persona\":\"" + me + "\",\"status\":\"busy\",\"statusLine\":42}",
                "{\"type\":\"presence.set\",\"id\":\"%s\",\"persona\":\"" + me + "\",\"status\":\"busy\"}",
                "{\"type\":\"typing\",\"id\":\"%s\",\"persona\":\"" + me + "\",\"typing\":true}",
                "{\"type\":\"typing\",\"id\":\"%s\",\"persona\":\"" + me + "\",\"channel\":\"" + channel + "\",\"room\":\"r1\",\"typing\":true}",
                "{\"type\":\"typing\",\"id\":\"%s\",\"persona\":\"" + me + "\",\"channel\":\"" + channel + "\"}",
                "{\"type\":\"typing\",\"id\":\"%s\",\"persona\":\"" + me + "\",\"channel\":\"Not A Channel\",\"typing\":true}",
                "{\"type\":\"typing.share\",\"id\":\"%s\"}",
                "{\"type\":\"typing.share\",\"id\":\"%s\",\"share\":\"no\"}")) {
            String id = rowan.wire().nextId();
            rowan.wire().sendJson(json.formatted(id));
            ServerMessage.Error error = rowan.wire().expect(ServerMessage.Error.class, refused -> id.equals(refused.id()));
            assertThat(error.code()).as(json).isEqualTo("invalid_message");
        }
        Views.Persona profile = ((ServerMessage.PersonaInfo) sage.request(id -> new ClientMessage.PersonaShow(id, rowan.persona().name()))).persona();
        assertThat(profile.status()).as("nothing refused changed the status").isEqualTo(Presence.ONLINE);
        assertThat(profile.statusLine()).isNull();
        sage.wire().expectNo(ServerMessage.Typing.class, QUIET);
    }

    @Test
    void statusChangesPastTheHourlyLimitAreRefused() {
        Member rowan = member("Rowan");
        int allowed = Integer.parseInt(STATUS_CHANGES_PER_HOUR);
        for (int i = 0; i < allowed; i++) rowan.status(i % 2 == 0 ? Presence.BUSY : Presence.ONLINE, "change " + i);
        assertThat(rowan.refusal(id -> new ClientMessage.StatusSet(id, rowan.persona().id(), Presence.LOOKING, ""))).isEqualTo("rate_limited");
    }
}
