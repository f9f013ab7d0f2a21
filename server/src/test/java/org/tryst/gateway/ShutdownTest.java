package org.tryst.gateway;

import org.tryst.protocol.CloseCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.CapturedLogs;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/** A server that stops tells every socket so with 1001, authenticated or not, after answering what it was asked, and logs no failure. */
class ShutdownTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Test
    void everySocketGetsGoingAwayAndTheLogShowsNoFailure() {
        Wire speaker = SERVER.connect(SERVER.register("leaving"));
        Views.Persona persona = TestServer.persona(speaker, "Leaving");
        String channel = "bye-" + persona.id().toLowerCase().replaceAll("[^a-z0-9]", "x").substring(0, 10);
        speaker.send(new ClientMessage.ChannelCreate(speaker.nextId(), persona.id(), channel, null));
        speaker.expect(ServerMessage.ChannelJoined.class);
        Wire listener = SERVER.connect(SERVER.register("staying"));
        Views.Persona other = TestServer.persona(listener, "Staying");
        listener.send(new ClientMessage.ChannelJoin(listener.nextId(), other.id(), channel));
        listener.expect(ServerMessage.ChannelJoined.class);
        Wire anonymous = Wire.connect(SERVER.ws(), SERVER.origin());
        anonymous.send(new ClientMessage.PersonaList(anonymous.nextId()));
        anonymous.expectError("not_authenticated");
        String last = speaker.nextId();
        speaker.send(new ClientMessage.Say(last, persona.id(), channel, "last words"));

        SERVER.stop();

        for (Wire wire : List.of(speaker, listener, anonymous)) {
            assertThat(wire.closeCode(Duration.ofSeconds(10))).isEqualTo(CloseCodes.GOING_AWAY);
        }
        assertThat(speaker.expect(ServerMessage.Sent.class, sent -> sent.id().equals(last))).isNotNull();
        assertThat(logs.warnings()).isEmpty();
        assertThat(logs.lines()).anyMatch(line -> line.startsWith("shutting down")).anyMatch(line -> line.equals("stopped"));
    }
}
