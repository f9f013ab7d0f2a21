package org.tryst.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.channels.ChannelsContract.assertHeardNothingMore;
import static org.tryst.channels.ChannelsContract.openChannel;
import static org.tryst.channels.ChannelsContract.sharedChannel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * Read marks as a person with several devices meets them, through a real server and raw sockets:
 * unread counts that are the same on every device and survive reconnecting, that never count what
 * a block or mute hides, and bad marks refused with nothing stored. Run on SQLite and PostgreSQL.
 */
abstract class ReadMarkersContract {
    abstract TestServer server();

    @Test
    void aMarkOnOneDeviceClearsTheCountOnTheOthersAndTheCountSurvivesReconnecting() {
        TestServer server = server();
        TestServer.User user = server.register("devices");
        Wire phone = server.connect(user);
        Views.Persona ash = TestServer.persona(phone, "Ash");
        Wire friend = server.connect(server.register("friend"));
        Views.Persona birch = TestServer.persona(friend, "Birch");
        String channel = sharedChannel(phone, ash, friend, birch);
        Wire laptop = server.connect(user);
        assertThat(use(laptop, ash, channel).unread()).as("a channel just joined has nothing unread").isZero();

        String first = say(friend, birch, channel, "one");
        String second = say(friend, birch, channel, "two");
        String third = say(friend, birch, channel, "three");
        say(phone, ash, channel, "my own line is never news to me");
        Views.Joined again = use(server.connect(user), ash, channel);
        assertThat(again.unread()).as("after reconnecting, the lines of others since joining").isEqualTo(3);
        assertThat(again.read()).isNull();

        friend.drain();
        read(phone, ash, channel, second);
        ServerMessage.ChannelReadUpTo heard = new ServerMessage.ChannelReadUpTo(channel, ash.id(), second);
        assertThat(laptop.expect(ServerMessage.ChannelReadUpTo.class)).as("the other device hears it at once").isEqualTo(heard);
        assertThat(phone.expect(ServerMessage.ChannelReadUpTo.class)).isEqualTo(heard);
        assertHeardNothingMore(friend, channel);
        Views.Joined later = use(server.connect(user), ash, channel);
        assertThat(later.read()).isEqualTo(second);
        assertThat(later.unread()).isEqualTo(1);

        // Devices report in any order: an older line, or the same one again, changes nothing and is told to nobody.
        phone.drain();
        read(laptop, ash, channel, first);
        read(laptop, ash, channel, second);
        laptop.drain();
        assertHeardNothingMore(phone, channel);
        assertThat(use(server.connect(user), ash, channel)).extracting(Views.Joined::read, Views.Joined::unread)
                .containsExactly(second, 1);

        read(laptop, ash, channel, third);
        assertThat(phone.expect(ServerMessage.ChannelReadUpTo.class).message()).isEqualTo(third);
        assertThat(use(server.connect(user), ash, channel).unread()).isZero();
    }

    @Test
    void linesABlockOrAMuteHidesAreNotCountedAndCannotBeMarked() {
        TestServer server = server();
        TestServer.User readerUser = server.register("reader");
        Wire reader = server.connect(readerUser);
        Views.Persona juno = TestServer.persona(reader, "Juno");
        String channel = openChannel(reader, juno);
        Wire blocked = server.connect(server.register("blocked"));
        Views.Persona kit = member(blocked, "Kit", channel);
        Views.Persona kitsAlias = member(blocked, "Alias", channel);
        Wire muted = server.connect(server.register("muted"));
        Views.Persona lark = member(muted, "Lark", channel);
        Wire blocker = server.connect(server.register("blocker"));
        Views.Persona moss = member(blocker, "Moss", channel);
        Wire plain = server.connect(server.register("plain"));
        Views.Persona nell = member(plain, "Nell", channel);

        reader.send(new ClientMessage.Block(reader.nextId(), kit.id(), BlockScope.ACCOUNT));
        reader.expect(ServerMessage.Blocks.class);
        reader.send(new ClientMessage.Mute(reader.nextId(), lark.id()));
        reader.expect(ServerMessage.Blocks.class);
        blocker.send(new ClientMessage.Block(blocker.nextId(), juno.id(), null));
        blocker.expect(ServerMessage.Blocks.class);

        String hidden = say(blocked, kit, channel, "from a blocked persona");
        say(blocked, kitsAlias, channel, "from another persona of the blocked account");
        say(muted, lark, channel, "from a muted persona");
        say(blocker, moss, channel, "from someone who blocked the reader");
        String seen = say(plain, nell, channel, "the one line the reader sees");
        Views.Joined joined = use(server.connect(readerUser), juno, channel);
        assertThat(joined.history()).extracting(Views.Message::id).containsExactly(seen);
        assertThat(joined.unread()).as("only what the reader may see counts").isEqualTo(1);

        // A hidden line is, to the reader, no line at all: the same refusal as an id nobody used.
        String refusal = refusal(reader, new ClientMessage.ChannelRead(reader.nextId(), juno.id(), channel, hidden), "not_found");
        assertThat(refusal(reader, new ClientMessage.ChannelRead(reader.nextId(), juno.id(), channel, "0000000000000000000000000000"),
                "not_found")).isEqualTo(refusal);
        assertThat(use(reader, juno, channel).unread()).isEqualTo(1);
    }

    @Test
    void badMarksAreRefusedWithTheirCodeAndStoreNothing() throws SQLException {
        TestServer server = server();
        Wire owner = server.connect(server.register("owner"));
        Views.Persona host = TestServer.persona(owner, "Host");
        Wire guest = server.connect(server.register("guest"));
        Views.Persona visitor = TestServer.persona(guest, "Visitor");
        String channel = sharedChannel(owner, host, guest, visitor);
        Views.Persona other = TestServer.persona(owner, "Other");
        String elsewhere = openChannel(owner, other);
        String line = say(owner, host, channel, "a line to mark");
        String lineElsewhere = say(owner, other, elsewhere, "a line of another channel");
        Wire outsider = server.connect(server.register("outsider"));
        Views.Persona stranger = TestServer.persona(outsider, "Stranger");
        List<Object> before = stored(visitor.id(), channel);
        guest.drain();

        assertThat(refusal(guest, new ClientMessage.ChannelRead(guest.nextId(), visitor.id(), "no-such-channel", line), "not_found"))
                .isEqualTo("no such channel");
        assertThat(refusal(guest, new ClientMessage.ChannelRead(guest.nextId(), visitor.id(), channel, lineElsewhere), "not_found"))
                .isEqualTo("no such message in that channel");
        refusal(outsider, new ClientMessage.ChannelRead(outsider.nextId(), stranger.id(), channel, line), "not_member");
        refusal(outsider, new ClientMessage.ChannelRead(outsider.nextId(), visitor.id(), channel, line), "not_your_persona");
        for (String json : List.of(
                "{\"type\":\"channel.read\",\"id\":\"m1\",\"persona\":\"%s\",\"channel\":\"%s\",\"message\":\"not an id\"}",
                "{\"type\":\"channel.read\",\"id\":\"m2\",\"persona\":\"%s\",\"channel\":\"%s\"}",
                "{\"type\":\"channel.read\",\"id\":\"m3\",\"persona\":\"%s\",\"channel\":\"%s\",\"message\":42}",
                "{\"type\":\"channel.read\",\"id\":\"m4\",\"persona\":\"%s\",\"channel\":\"Not A Channel %s\",\"message\":\"abc\"}")) {
            guest.sendJson(json.formatted(visitor.id(), channel));
            assertThat(guest.expectError("invalid_message").id()).as(json).startsWith("m");
        }
        assertThat(stored(visitor.id(), channel)).as("nothing stored").isEqualTo(before);
        assertHeardNothingMore(guest, channel);

        owner.send(new ClientMessage.ModAct(owner.nextId(), "close", channel, null, null, "done here", null, host.id()));
        owner.expect(ServerMessage.Ok.class);
        refusal(guest, new ClientMessage.ChannelRead(guest.nextId(), visitor.id(), channel, line), "channel_closed");
        assertThat(stored(visitor.id(), channel)).isEqualTo(before);
    }

    @Test
    void aMarkGoesWithItsMembershipAndAChannelJoinedAgainStartsRead() throws SQLException {
        TestServer server = server();
        Wire owner = server.connect(server.register("keeper"));
        Views.Persona host = TestServer.persona(owner, "Keeper");
        Wire guest = server.connect(server.register("visitor"));
        Views.Persona visitor = TestServer.persona(guest, "Visitor");
        String channel = sharedChannel(owner, host, guest, visitor);
        String hello = say(owner, host, channel, "hello");
        read(guest, visitor, channel, hello);
        assertThat(stored(visitor.id(), channel)).element(1).isEqualTo(hello);

        guest.send(new ClientMessage.ChannelLeave(guest.nextId(), visitor.id(), channel));
        guest.expect(ServerMessage.Ok.class);
        assertThat(stored(visitor.id(), channel)).as("leaving takes the mark").isEmpty();
        say(owner, host, channel, "said while the visitor was away");
        guest.send(new ClientMessage.ChannelJoin(guest.nextId(), visitor.id(), channel));
        assertThat(guest.expect(ServerMessage.ChannelJoined.class).channel().unread()).isZero();
        assertThat(use(guest, visitor, channel).unread()).as("what was said before joining again is history, not news").isZero();

        owner.send(new ClientMessage.Kick(owner.nextId(), host.id(), channel, visitor.id(), null));
        owner.expect(ServerMessage.Ok.class);
        assertThat(stored(visitor.id(), channel)).as("a kick takes it").isEmpty();
        guest.send(new ClientMessage.ChannelJoin(guest.nextId(), visitor.id(), channel));
        guest.expect(ServerMessage.ChannelJoined.class);
        guest.send(new ClientMessage.PersonaDelete(guest.nextId(), visitor.id()));
        guest.expect(ServerMessage.Ok.class);
        assertThat(stored(visitor.id(), channel)).as("deleting the persona takes it").isEmpty();
    }

    @Test
    void theCountStopsAtTheCap() {
        TestServer server = server();
        TestServer.User readerUser = server.register("behind");
        Wire reader = server.connect(readerUser);
        Views.Persona juno = TestServer.persona(reader, "Behind");
        String channel = openChannel(reader, juno);
        reader.close();
        // A busy channel: several people, each within an account's burst of requests.
        int talkers = 6;
        int each = Views.Joined.MOST_UNREAD / talkers + 1;
        for (int t = 0; t < talkers; t++) {
            Wire talker = server.connect(server.register("talker"));
            Views.Persona kit = member(talker, "Talker", channel);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                String id = talker.nextId();
                ids.add(id);
                talker.send(new ClientMessage.Say(id, kit.id(), channel, "line " + i));
            }
            for (String id : ids) talker.expect(ServerMessage.Sent.class, sent -> sent.id().equals(id));
            talker.close();
        }
        assertThat(use(server.connect(readerUser), juno, channel).unread()).as("more than a thousand lines behind").isEqualTo(Views.Joined.MOST_UNREAD);
    }

    /** A new persona of the socket's account that joined the channel. */
    private static Views.Persona member(Wire wire, String name, String channel) {
        Views.Persona persona = TestServer.persona(wire, name);
        wire.send(new ClientMessage.ChannelJoin(wire.nextId(), persona.id(), channel));
        wire.expect(ServerMessage.ChannelJoined.class);
        return persona;
    }

    /** Says a line and answers its id once it is stored. */
    private static String say(Wire wire, Views.Persona persona, String channel, String text) {
        String id = wire.nextId();
        wire.send(new ClientMessage.Say(id, persona.id(), channel, text));
        return wire.expect(ServerMessage.Sent.class, sent -> sent.id().equals(id)).message();
    }

    private static void read(Wire wire, Views.Persona persona, String channel, String message) {
        String id = wire.nextId();
        wire.send(new ClientMessage.ChannelRead(id, persona.id(), channel, message));
        wire.expect(ServerMessage.Ok.class, ok -> id.equals(ok.id()));
    }

    /** The channel as persona.use finds it on the socket. */
    private static Views.Joined use(Wire wire, Views.Persona persona, String channel) {
        wire.send(new ClientMessage.PersonaUse(wire.nextId(), persona.id()));
        return wire.expect(ServerMessage.PersonaInUse.class).channels().stream().filter(joined -> joined.channel().equals(channel))
                .findFirst().orElseThrow();
    }

    /** Sends a request that must be refused with the code; answers the refusal's words. */
    private static String refusal(Wire wire, ClientMessage request, String code) {
        wire.send(request);
        return wire.expectError(code).message();
    }

    /** The persona's stored mark in the channel, as its row's columns (empty: no row). */
    private List<Object> stored(String persona, String channel) throws SQLException {
        try (Connection database = server().database();
             PreparedStatement select = database.prepareStatement("SELECT seq, message_id FROM channel_reads WHERE persona_id = ? AND channel = ?")) {
            select.setString(1, persona);
            select.setString(2, channel);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? java.util.Arrays.asList(row.getLong(1), row.getString(2)) : List.of();
            }
        }
    }
}
