package org.tryst.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * Public channels as users meet them, through a real server and raw sockets; run once on SQLite
 * and once on PostgreSQL by the subclasses.
 */
abstract class ChannelsContract {
    private static final Duration QUIET = Duration.ofMillis(300);

    abstract TestServer server();

    @Test
    void sayAndPoseReachExactlyTheMembersSockets() {
        TestServer server = server();
        Wire alice = server.connect(server.register("alice"));
        Wire bob = server.connect(server.register("bob"));
        Wire carol = server.connect(server.register("carol"));
        Views.Persona rowan = TestServer.persona(alice, "Rowan");
        Views.Persona sage = TestServer.persona(bob, "Sage");
        Views.Persona wren = TestServer.persona(carol, "Wren");
        String channel = "lobby" + rowan.id().substring(0, 4).toLowerCase().replaceAll("[^a-z0-9]", "x");

        alice.send(new ClientMessage.ChannelCreate(alice.nextId(), rowan.id(), channel, "welcome"));
        assertThat(alice.expect(ServerMessage.ChannelJoined.class).channel().topic()).isEqualTo("welcome");
        bob.send(new ClientMessage.ChannelJoin(bob.nextId(), sage.id(), channel));
        Views.Joined joined = bob.expect(ServerMessage.ChannelJoined.class).channel();
        assertThat(joined.members()).extracting(Views.Member::name).containsExactly(rowan.name(), sage.name());
        assertThat(alice.expect(ServerMessage.MemberJoined.class).member().name()).isEqualTo(sage.name());

        String say = alice.nextId();
        alice.send(new ClientMessage.Say(say, rowan.id(), channel, "hello there"));
        ServerMessage.ChannelMessage heard = bob.expect(ServerMessage.ChannelMessage.class);
        assertThat(heard.message().text()).isEqualTo("hello there");
        assertThat(heard.message().kind()).isEqualTo(MessageKind.SAY);
        assertThat(heard.message().persona()).isEqualTo(new Views.Author(rowan.id(), rowan.name()));
        assertThat(alice.expect(ServerMessage.ChannelMessage.class).message()).isEqualTo(heard.message());
        ServerMessage.Sent sent = alice.expect(ServerMessage.Sent.class);
        assertThat(sent.id()).isEqualTo(say);
        assertThat(sent.message()).isEqualTo(heard.message().id());

        bob.send(new ClientMessage.Pose(bob.nextId(), sage.id(), channel, "waves"));
        assertThat(alice.expect(ServerMessage.ChannelMessage.class).message().kind()).isEqualTo(MessageKind.POSE);
        bob.expect(ServerMessage.ChannelMessage.class);
        bob.expect(ServerMessage.Sent.class);

        carol.expectNothing(QUIET);
        carol.send(new ClientMessage.Say(carol.nextId(), wren.id(), channel, "let me in"));
        carol.expectError("not_member");
        alice.expectNothing(QUIET);
    }

    @Test
    void aLineSentAgainUnderItsIdIsStoredAndShownOnce() {
        TestServer server = server();
        Wire alice = server.connect(server.register("resender"));
        Wire bob = server.connect(server.register("listener"));
        Views.Persona rowan = TestServer.persona(alice, "Rowan");
        Views.Persona sage = TestServer.persona(bob, "Sage");
        String channel = sharedChannel(alice, rowan, bob, sage);

        // The first try and a retry at once, which may be stored in one batch; then a retry much later.
        String first = alice.nextId();
        String retry = alice.nextId();
        alice.send(new ClientMessage.Say(first, rowan.id(), channel, "only once", "line-1"));
        alice.send(new ClientMessage.Say(retry, rowan.id(), channel, "only once", "line-1"));
        ServerMessage.Sent sent = alice.expect(ServerMessage.Sent.class, reply -> reply.id().equals(first));
        assertThat(alice.expect(ServerMessage.Sent.class, reply -> reply.id().equals(retry)))
                .isEqualTo(new ServerMessage.Sent(retry, sent.message(), sent.at()));
        String late = alice.nextId();
        alice.send(new ClientMessage.Pose(late, rowan.id(), channel, "only once", "line-1"));
        assertThat(alice.expect(ServerMessage.Sent.class)).isEqualTo(new ServerMessage.Sent(late, sent.message(), sent.at()));

        assertThat(bob.expect(ServerMessage.ChannelMessage.class).message().id()).isEqualTo(sent.message());
        assertThat(alice.expect(ServerMessage.ChannelMessage.class).message().id()).isEqualTo(sent.message());
        assertHeardNothingMore(bob, channel);
        assertHeardNothingMore(alice, channel);

        // The id is the persona's own: another persona's line under it is a line of its own.
        bob.send(new ClientMessage.Say(bob.nextId(), sage.id(), channel, "mine too", "line-1"));
        assertThat(alice.expect(ServerMessage.ChannelMessage.class).message().text()).isEqualTo("mine too");
        bob.send(new ClientMessage.HistoryFetch(bob.nextId(), sage.id(), channel, null, 10));
        assertThat(bob.expect(ServerMessage.History.class).messages()).extracting(Views.Message::text)
                .containsExactly("only once", "mine too");
    }

    @Test
    void aLineWithAMalformedClientIdIsRefusedAndGoesNowhere() {
        TestServer server = server();
        Wire alice = server.connect(server.register("badid"));
        Views.Persona rowan = TestServer.persona(alice, "Rowan");
        String channel = openChannel(alice, rowan);
        alice.sendJson("{\"type\":\"say\",\"id\":\"bad\",\"persona\":\"" + rowan.id() + "\",\"channel\":\"" + channel
                + "\",\"text\":\"hi\",\"message\":\"no spaces allowed\"}");
        assertThat(alice.expectError("invalid_message").id()).isEqualTo("bad");
        assertHeardNothingMore(alice, channel);
        alice.send(new ClientMessage.HistoryFetch(alice.nextId(), rowan.id(), channel, null, 10));
        assertThat(alice.expect(ServerMessage.History.class).messages()).isEmpty();
    }

    @Test
    void diceAreRolledByTheServerSeenAlikeByEveryoneAndNotRolledAgainOnAResend() {
        TestServer server = server();
        Wire alice = server.connect(server.register("roller"));
        Wire bob = server.connect(server.register("watcher"));
        Views.Persona rowan = TestServer.persona(alice, "Rowan");
        Views.Persona sage = TestServer.persona(bob, "Sage");
        String channel = sharedChannel(alice, rowan, bob, sage);

        String roll = alice.nextId();
        alice.send(new ClientMessage.Roll(roll, rowan.id(), channel, "3d6 + 2", "roll-1"));
        Views.Message heard = bob.expect(ServerMessage.ChannelMessage.class).message();
        assertThat(heard.kind()).isEqualTo(MessageKind.ROLL);
        assertThat(heard.persona().id()).isEqualTo(rowan.id());
        java.util.regex.Matcher faces = java.util.regex.Pattern.compile("3d6\\+2: \\(([1-6])\\+([1-6])\\+([1-6])\\) \\+ 2 = (\\d+)")
                .matcher(heard.text());
        assertThat(faces.matches()).as(heard.text()).isTrue();
        int sum = Integer.parseInt(faces.group(1)) + Integer.parseInt(faces.group(2)) + Integer.parseInt(faces.group(3)) + 2;
        assertThat(Integer.parseInt(faces.group(4))).isEqualTo(sum);
        assertThat(alice.expect(ServerMessage.ChannelMessage.class).message()).isEqualTo(heard);
        ServerMessage.Sent sent = alice.expect(ServerMessage.Sent.class);

        String again = alice.nextId();
        alice.send(new ClientMessage.Roll(again, rowan.id(), channel, "3d6+2", "roll-1"));
        assertThat(alice.expect(ServerMessage.Sent.class)).isEqualTo(new ServerMessage.Sent(again, sent.message(), sent.at()));
        assertHeardNothingMore(bob, channel);

        alice.sendJson("{\"type\":\"roll\",\"id\":\"cheat\",\"persona\":\"" + rowan.id() + "\",\"channel\":\"" + channel
                + "\",\"dice\":\"1d6 = 6\"}");
        assertThat(alice.expectError("invalid_message").message()).contains("dice are written like d20, 2d6+1");
        assertHeardNothingMore(bob, channel);
        bob.send(new ClientMessage.HistoryFetch(bob.nextId(), sage.id(), channel, null, 10));
        assertThat(bob.expect(ServerMessage.History.class).messages()).containsExactly(heard);
    }

    @Test
    void aWatchedDirectoryHearsChannelsOpenChangeAndCloseUntilTheWatchEnds() {
        TestServer server = server();
        Wire watcher = server.connect(server.register("browser"));
        Wire alice = server.connect(server.register("founder"));
        Wire bob = server.connect(server.register("joiner"));
        Views.Persona rowan = TestServer.persona(alice, "Rowan");
        Views.Persona sage = TestServer.persona(bob, "Sage");
        watcher.send(new ClientMessage.ChannelList(watcher.nextId(), true));
        watcher.expect(ServerMessage.Channels.class);

        String channel = channelFor(rowan);
        alice.send(new ClientMessage.ChannelCreate(alice.nextId(), rowan.id(), channel, "tea and talk"));
        alice.expect(ServerMessage.ChannelJoined.class);
        assertThat(watcher.expect(ServerMessage.ChannelListed.class, listed -> listed.channel().name().equals(channel)).channel())
                .isEqualTo(new Views.Channel(channel, "tea and talk", 1));
        bob.send(new ClientMessage.ChannelJoin(bob.nextId(), sage.id(), channel));
        bob.expect(ServerMessage.ChannelJoined.class);
        assertThat(watcher.expect(ServerMessage.ChannelListed.class, listed -> listed.channel().name().equals(channel)).channel()
                .members()).isEqualTo(2);
        alice.send(new ClientMessage.TopicSet(alice.nextId(), rowan.id(), channel, "quiet hours"));
        assertThat(watcher.expect(ServerMessage.ChannelListed.class, listed -> listed.channel().name().equals(channel)).channel()
                .topic()).isEqualTo("quiet hours");

        alice.send(new ClientMessage.ModAct(alice.nextId(), "close", channel, null, null, "closing up", null, rowan.id()));
        assertThat(watcher.expect(ServerMessage.ChannelUnlisted.class).channel()).isEqualTo(channel);
        alice.send(new ClientMessage.ModAct(alice.nextId(), "reopen", channel, null, null, "open again", null, rowan.id()));
        assertThat(watcher.expect(ServerMessage.ChannelListed.class, listed -> listed.channel().name().equals(channel)).channel()
                .topic()).isEqualTo("quiet hours");

        watcher.send(new ClientMessage.ChannelList(watcher.nextId(), false));
        watcher.expect(ServerMessage.Channels.class);
        bob.send(new ClientMessage.ChannelLeave(bob.nextId(), sage.id(), channel));
        bob.expect(ServerMessage.Ok.class);
        watcher.send(new ClientMessage.ChannelList(watcher.nextId()));
        assertThat(watcher.expect(ServerMessage.Channels.class).channels()).contains(new Views.Channel(channel, "quiet hours", 1));
        watcher.expectNothing(QUIET);
    }

    /** A new channel of the owner's. */
    static String openChannel(Wire owner, Views.Persona host) {
        String channel = channelFor(host);
        owner.send(new ClientMessage.ChannelCreate(owner.nextId(), host.id(), channel, null));
        owner.expect(ServerMessage.ChannelJoined.class);
        return channel;
    }

    /** A new channel of the owner's that the guest joined. */
    static String sharedChannel(Wire owner, Views.Persona host, Wire guest, Views.Persona visitor) {
        String channel = openChannel(owner, host);
        guest.send(new ClientMessage.ChannelJoin(guest.nextId(), visitor.id(), channel));
        guest.expect(ServerMessage.ChannelJoined.class);
        owner.expect(ServerMessage.MemberJoined.class);
        return channel;
    }

    /** One more round trip: every line for the socket was queued before the replies that came before it. */
    static void assertHeardNothingMore(Wire wire, String channel) {
        wire.send(new ClientMessage.MembersList(wire.nextId(), channel));
        wire.expect(ServerMessage.Members.class);
        wire.expectNothing(Duration.ZERO);
    }

    @Test
    void aPersonaOnSeveralDevicesHearsOnEach() {
        TestServer server = server();
        TestServer.User user = server.register("multi");
        Wire phone = server.connect(user);
        Wire laptop = server.connect(user);
        Views.Persona persona = TestServer.persona(phone, "Ash");
        String channel = channelFor(persona);
        phone.send(new ClientMessage.ChannelCreate(phone.nextId(), persona.id(), channel, null));
        phone.expect(ServerMessage.ChannelJoined.class);
        laptop.send(new ClientMessage.PersonaUse(laptop.nextId(), persona.id()));
        assertThat(laptop.expect(ServerMessage.PersonaInUse.class).channels()).extracting(Views.Joined::channel)
                .containsExactly(channel);

        Wire friend = server.connect(server.register("friend"));
        Views.Persona other = TestServer.persona(friend, "Birch");
        friend.send(new ClientMessage.ChannelJoin(friend.nextId(), other.id(), channel));
        friend.expect(ServerMessage.ChannelJoined.class);
        friend.send(new ClientMessage.Say(friend.nextId(), other.id(), channel, "hi both"));

        assertThat(phone.expect(ServerMessage.ChannelMessage.class).message().text()).isEqualTo("hi both");
        assertThat(laptop.expect(ServerMessage.ChannelMessage.class).message().text()).isEqualTo("hi both");

        String second = channelFor(other);
        friend.send(new ClientMessage.ChannelCreate(friend.nextId(), other.id(), second, null));
        friend.expect(ServerMessage.ChannelJoined.class);
        phone.send(new ClientMessage.ChannelJoin(phone.nextId(), persona.id(), second));
        phone.expect(ServerMessage.ChannelJoined.class);
        friend.send(new ClientMessage.Say(friend.nextId(), other.id(), second, "joined from the phone"));
        assertThat(laptop.expect(ServerMessage.ChannelMessage.class).message().channel())
                .as("a channel joined on one device reaches the persona's other devices").isEqualTo(second);
    }

    @Test
    void historyTopicPresenceLeaveAndKick() {
        TestServer server = server();
        Wire owner = server.connect(server.register("owner"));
        Views.Persona host = TestServer.persona(owner, "Host");
        String channel = channelFor(host);
        owner.send(new ClientMessage.ChannelCreate(owner.nextId(), host.id(), channel, "first"));
        owner.expect(ServerMessage.ChannelJoined.class);
        for (int i = 1; i <= 3; i++) {
            owner.send(new ClientMessage.Say(owner.nextId(), host.id(), channel, "line " + i));
            owner.expect(ServerMessage.Sent.class);
        }
        owner.send(new ClientMessage.TopicSet(owner.nextId(), host.id(), channel, "second"));
        owner.expect(ServerMessage.Ok.class);

        Wire guest = server.connect(server.register("guest"));
        Views.Persona visitor = TestServer.persona(guest, "Visitor");
        guest.send(new ClientMessage.ChannelJoin(guest.nextId(), visitor.id(), channel));
        Views.Joined joined = guest.expect(ServerMessage.ChannelJoined.class).channel();
        assertThat(joined.topic()).isEqualTo("second");
        assertThat(joined.history()).extracting(Views.Message::text).containsExactly("line 1", "line 2", "line 3");

        guest.send(new ClientMessage.PresenceSet(guest.nextId(), visitor.id(), Presence.AWAY));
        ServerMessage.PresenceChanged away = owner.expect(ServerMessage.PresenceChanged.class, p -> p.persona().equals(visitor.id())
                && p.status() == Presence.AWAY);
        assertThat(away.channel()).isEqualTo(channel);
        guest.expect(ServerMessage.Ok.class);
        guest.send(new ClientMessage.MembersList(guest.nextId(), channel));
        assertThat(guest.expect(ServerMessage.Members.class).members())
                .extracting(Views.Member::name, Views.Member::status, Views.Member::owner)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(host.name(), Presence.ONLINE, true),
                        org.assertj.core.groups.Tuple.tuple(visitor.name(), Presence.AWAY, false));

        guest.send(new ClientMessage.Kick(guest.nextId(), visitor.id(), channel, host.id(), null));
        guest.expectError("forbidden");
        owner.send(new ClientMessage.Kick(owner.nextId(), host.id(), channel, visitor.id(), "be kind"));
        assertThat(guest.expect(ServerMessage.Kicked.class).reason()).isEqualTo("be kind");
        assertThat(owner.expect(ServerMessage.MemberLeft.class).reason()).isEqualTo("kicked");
        owner.send(new ClientMessage.Say(owner.nextId(), host.id(), channel, "after the kick"));
        owner.expect(ServerMessage.Sent.class);
        guest.expectNothing(QUIET);

        guest.send(new ClientMessage.ChannelJoin(guest.nextId(), visitor.id(), channel));
        guest.expect(ServerMessage.ChannelJoined.class);
        guest.send(new ClientMessage.ChannelLeave(guest.nextId(), visitor.id(), channel));
        guest.expect(ServerMessage.Ok.class);
        owner.expect(ServerMessage.MemberLeft.class, left -> left.reason().equals("left"));
    }

    @Test
    void closingTheLastSocketTakesThePersonaOffline() {
        TestServer server = server();
        Wire owner = server.connect(server.register("watcher"));
        Views.Persona host = TestServer.persona(owner, "Watcher");
        String channel = channelFor(host);
        owner.send(new ClientMessage.ChannelCreate(owner.nextId(), host.id(), channel, null));
        owner.expect(ServerMessage.ChannelJoined.class);
        Wire guest = server.connect(server.register("leaver"));
        Views.Persona visitor = TestServer.persona(guest, "Leaver");
        guest.send(new ClientMessage.ChannelJoin(guest.nextId(), visitor.id(), channel));
        guest.expect(ServerMessage.ChannelJoined.class);
        guest.close();
        owner.expect(ServerMessage.PresenceChanged.class,
                p -> p.persona().equals(visitor.id()) && p.status() == Presence.OFFLINE);
    }

    static String channelFor(Views.Persona persona) {
        return "ch-" + persona.id().toLowerCase().replaceAll("[^a-z0-9]", "x").substring(0, 12);
    }
}
