package org.tryst.gateway;

import org.tryst.protocol.CloseCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.tryst.CapturedLogs;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * A client that stops reading is cut off with 4003 once its outbound queue passes the high-water
 * mark, with one warning in the log; others never wait for it.
 */
class SlowConsumerTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite()
            .with("TRYST_GATEWAY_OUTBOUND_HIGH_WATER_BYTES", "65536")
            .with("TRYST_GATEWAY_OUTBOUND_LOW_WATER_BYTES", "32768")
            .with("TRYST_RATE_LIMITS_MESSAGES_PER_SECOND_PER_ACCOUNT", "100000")
            .with("TRYST_RATE_LIMITS_BURST_PER_ACCOUNT", "100000");

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Test
    void aReaderThatStopsReadingIsDisconnectedWhileOthersKeepTalking() throws Exception {
        Wire speakerSocket = SERVER.connect(SERVER.register("loud"));
        Views.Persona speaker = TestServer.persona(speakerSocket, "Loud");
        String channel = "slow-" + speaker.id().toLowerCase().replaceAll("[^a-z0-9]", "x").substring(0, 10);
        speakerSocket.send(new ClientMessage.ChannelCreate(speakerSocket.nextId(), speaker.id(), channel, null));
        speakerSocket.expect(ServerMessage.ChannelJoined.class);

        TestServer.User slowUser = SERVER.register("stalled");
        Wire slow = SERVER.connect(slowUser);
        Views.Persona stalled = TestServer.persona(slow, "Stalled");
        slow.send(new ClientMessage.ChannelJoin(slow.nextId(), stalled.id(), channel));
        slow.expect(ServerMessage.ChannelJoined.class);
        Wire fine = SERVER.connect(SERVER.register("reader"));
        Views.Persona reader = TestServer.persona(fine, "Reader");
        fine.send(new ClientMessage.ChannelJoin(fine.nextId(), reader.id(), channel));
        fine.expect(ServerMessage.ChannelJoined.class);
        slow.stopReading();

        String text = "z".repeat(3_900);
        for (int sent = 0; SERVER.metric("tryst_slow_consumers_total") < 1; sent++) {
            assertThat(sent).as("messages sent before the stalled reader was cut off").isLessThan(20_000);
            speakerSocket.send(new ClientMessage.Say(speakerSocket.nextId(), speaker.id(), channel, text));
            speakerSocket.expect(ServerMessage.Sent.class);
            speakerSocket.expect(ServerMessage.ChannelMessage.class);
            fine.expect(ServerMessage.ChannelMessage.class);
        }
        slow.resumeReading();
        assertThat(slow.closeCode(Duration.ofSeconds(30))).isEqualTo(CloseCodes.SLOW_CONSUMER);
        assertThat(logs.warnings()).singleElement().asString().startsWith("closing slow consumer");
        speakerSocket.send(new ClientMessage.Say(speakerSocket.nextId(), speaker.id(), channel, "after"));
        assertThat(fine.expect(ServerMessage.ChannelMessage.class, m -> m.message().text().equals("after"))).isNotNull();
    }
}
