package org.tryst.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/** What the other members see is what is stored: a line the database refuses reaches nobody. */
class LineStorageFailureTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Test
    void aLineThatFailsToStoreIsShownToNoOneAndItsRetryOnce() throws SQLException {
        Wire alice = SERVER.connect(SERVER.register("speaker"));
        Wire bob = SERVER.connect(SERVER.register("member"));
        Views.Persona rowan = TestServer.persona(alice, "Rowan");
        Views.Persona sage = TestServer.persona(bob, "Sage");
        String channel = ChannelsContract.sharedChannel(alice, rowan, bob, sage);

        try (Connection database = SERVER.database(); Statement statement = database.createStatement()) {
            // The database refuses every line, as a full disk does.
            statement.execute("CREATE TRIGGER disk_full BEFORE INSERT ON channel_messages "
                    + "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
            try {
                for (int i = 0; i < 5; i++) {
                    String id = alice.nextId();
                    alice.send(new ClientMessage.Say(id, rowan.id(), channel, "lost " + i));
                    assertThat(alice.expectError("internal").id()).isEqualTo(id);
                }
                String id = alice.nextId();
                alice.send(new ClientMessage.Pose(id, rowan.id(), channel, "tries again", "line-7"));
                assertThat(alice.expectError("internal").id()).isEqualTo(id);
                ChannelsContract.assertHeardNothingMore(bob, channel);
                ChannelsContract.assertHeardNothingMore(alice, channel);
            } finally {
                statement.execute("DROP TRIGGER disk_full");
            }
        }

        alice.send(new ClientMessage.Pose(alice.nextId(), rowan.id(), channel, "tries again", "line-7"));
        ServerMessage.Sent sent = alice.expect(ServerMessage.Sent.class);
        assertThat(bob.expect(ServerMessage.ChannelMessage.class).message().id()).isEqualTo(sent.message());
        ChannelsContract.assertHeardNothingMore(bob, channel);
        bob.send(new ClientMessage.HistoryFetch(bob.nextId(), sage.id(), channel, null, 50));
        assertThat(bob.expect(ServerMessage.History.class).messages()).extracting(Views.Message::text).containsExactly("tries again");
        assertThat(LineNumbersContract.numbers(SERVER, channel)).as("refused lines gave out no numbers").containsExactly(1L);
    }
}
