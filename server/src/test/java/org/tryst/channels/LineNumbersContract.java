package org.tryst.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * A channel's lines are numbered 1, 2, 3, ... without holes or repeats, whatever is resent, refused,
 * deleted or restarted: a process that missed lines finds them by these numbers. Run on SQLite (one
 * writer, numbering in memory) and on PostgreSQL (numbering under the channel's row lock).
 */
abstract class LineNumbersContract {
    abstract TestServer server();

    @Test
    void resentLinesTakeNoNumberAndNumbersGoOnAfterDeletionsAndRestarts() throws Exception {
        TestServer server = server();
        TestServer.User speaker = server.register("numbered");
        TestServer.User listener = server.register("counting");
        Wire alice = server.connect(speaker);
        Wire bob = server.connect(listener);
        Views.Persona rowan = TestServer.persona(alice, "Rowan");
        Views.Persona sage = TestServer.persona(bob, "Sage");
        String channel = ChannelsContract.sharedChannel(alice, rowan, bob, sage);

        say(alice, rowan, channel, "one", "n-1");
        say(alice, rowan, channel, "one again", "n-1");
        say(bob, sage, channel, "two", null);
        // Two lines under one new client id, likely in one batch: one number between them.
        alice.send(new ClientMessage.Say(alice.nextId(), rowan.id(), channel, "three", "n-3"));
        alice.send(new ClientMessage.Say(alice.nextId(), rowan.id(), channel, "three", "n-3"));
        alice.expect(ServerMessage.Sent.class);
        alice.expect(ServerMessage.Sent.class);
        assertThat(numbers(server, channel)).containsExactly(1L, 2L, 3L);

        // Retention and moderation delete lines, newest included; a restart must not give their numbers again.
        try (Connection database = server.database();
                PreparedStatement delete = database.prepareStatement("DELETE FROM channel_messages WHERE channel = ?")) {
            delete.setString(1, channel);
            delete.executeUpdate();
        }
        alice = restartedAs(server, speaker, rowan);
        say(alice, rowan, channel, "four", null);
        say(alice, rowan, channel, "five", "n-1");
        alice = restartedAs(server, speaker, rowan);
        say(alice, rowan, channel, "six", null);
        assertThat(numbers(server, channel)).containsExactly(4L, 5L, 6L);
    }

    /** Restarts the server and comes back on a new socket as the persona. */
    private static Wire restartedAs(TestServer server, TestServer.User user, Views.Persona persona) throws InterruptedException {
        server.stop();
        server.start();
        Wire wire = server.connect(user);
        wire.send(new ClientMessage.PersonaUse(wire.nextId(), persona.id()));
        wire.expect(ServerMessage.PersonaInUse.class);
        return wire;
    }

    private static void say(Wire wire, Views.Persona persona, String channel, String text, String clientId) {
        String id = wire.nextId();
        wire.send(new ClientMessage.Say(id, persona.id(), channel, text, clientId));
        wire.expect(ServerMessage.Sent.class, sent -> sent.id().equals(id));
    }

    /** The numbers of a channel's stored lines, in order. */
    static List<Long> numbers(TestServer server, String channel) throws SQLException {
        List<Long> numbers = new ArrayList<>();
        try (Connection database = server.database();
                PreparedStatement query = database.prepareStatement("SELECT seq FROM channel_messages WHERE channel = ? ORDER BY seq")) {
            query.setString(1, channel);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) numbers.add(rows.getLong(1));
            }
        }
        return numbers;
    }
}
