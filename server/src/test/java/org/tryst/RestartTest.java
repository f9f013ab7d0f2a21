package org.tryst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/** What the server acknowledged before a restart is all there after it. */
class RestartTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Test
    void accountsPersonasChannelsAndAcknowledgedHistorySurviveARestart() throws Exception {
        TestServer.User user = SERVER.register("durable");
        Wire wire = SERVER.connect(user);
        Views.Persona persona = TestServer.persona(wire, "Durable");
        String channel = "keep-" + persona.id().toLowerCase().replaceAll("[^a-z0-9]", "x").substring(0, 10);
        wire.send(new ClientMessage.ChannelCreate(wire.nextId(), persona.id(), channel, "kept topic"));
        wire.expect(ServerMessage.ChannelJoined.class);
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            wire.send(new ClientMessage.Say(wire.nextId(), persona.id(), channel, "message " + i));
            acknowledged.add(wire.expect(ServerMessage.Sent.class).message());
        }

        SERVER.stop();
        SERVER.start();

        assertThat(SERVER.post("/api/login", Map.of("username", user.username(), "password", user.password()), null).statusCode())
                .isEqualTo(200);
        Wire again = SERVER.connect(user);
        again.send(new ClientMessage.PersonaList(again.nextId()));
        assertThat(again.expect(ServerMessage.Personas.class).personas()).containsExactly(persona);
        again.send(new ClientMessage.PersonaUse(again.nextId(), persona.id()));
        Views.Joined joined = again.expect(ServerMessage.PersonaInUse.class).channels().getFirst();
        assertThat(joined.topic()).isEqualTo("kept topic");
        assertThat(joined.history()).extracting(Views.Message::id).containsExactlyElementsOf(acknowledged);
    }
}
