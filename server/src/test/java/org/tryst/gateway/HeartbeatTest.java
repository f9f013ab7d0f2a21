package org.tryst.gateway;

import org.tryst.protocol.CloseCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/** The server pings quiet sockets: one that answers stays however long it only listens; one that does not is closed. */
class HeartbeatTest {
    private static final Duration THREE_PINGS = Duration.ofMillis(3_500);

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with("TRYST_GATEWAY_PING_INTERVAL_SECONDS", "1");

    @Test
    void aListenerThatOnlyAnswersPingsStaysConnected() {
        TestServer.User user = SERVER.register("listener");
        Wire listener = SERVER.connect(user);
        Views.Persona quiet = TestServer.persona(listener, "Listener");
        listener.send(new ClientMessage.ChannelCreate(listener.nextId(), quiet.id(), "quiet-room", null));
        listener.expect(ServerMessage.ChannelJoined.class);

        listener.expectNothing(THREE_PINGS);

        Wire speaker = SERVER.connect(SERVER.register("speaker"));
        Views.Persona loud = TestServer.persona(speaker, "Speaker");
        speaker.send(new ClientMessage.ChannelJoin(speaker.nextId(), loud.id(), "quiet-room"));
        speaker.expect(ServerMessage.ChannelJoined.class);
        speaker.send(new ClientMessage.Say(speaker.nextId(), loud.id(), "quiet-room", "still there?"));
        assertThat(listener.expect(ServerMessage.ChannelMessage.class).message().text()).isEqualTo("still there?");
    }

    @Test
    void aSocketThatStopsAnsweringPingsIsClosed() throws InterruptedException {
        Wire silent = SERVER.connect(SERVER.register("silent"));
        silent.stopReading();
        Thread.sleep(THREE_PINGS.toMillis());
        silent.resumeReading();
        assertThat(silent.closeCode(Duration.ofSeconds(5))).isEqualTo(CloseCodes.IDLE);
    }
}
