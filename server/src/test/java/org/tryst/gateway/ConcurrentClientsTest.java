package org.tryst.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * Many clients arriving at once (a reconnect storm in small) each get a ticket, connect, make a
 * persona and post: every one succeeds. Writers must queue for the database, never starve the
 * writer holding it.
 */
class ConcurrentClientsTest {
    private static final int CLIENTS = 200;

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with("TRYST_PERSONAS_MAX_PER_ACCOUNT", "1000")
            .with("TRYST_RATE_LIMITS_TICKETS_PER_MINUTE_PER_SESSION", "1000")
            .with("TRYST_RATE_LIMITS_BURST_PER_ACCOUNT", "10000").with("TRYST_RATE_LIMITS_BURST_PER_ADDRESS", "10000");

    @Test
    void clientsArrivingTogetherAllGetThrough() {
        TestServer.User user = SERVER.register("crowd");
        try (Wire host = SERVER.connect(user)) {
            Views.Persona owner = TestServer.persona(host, "Host");
            for (int channel = 0; channel < 4; channel++) {
                host.send(new ClientMessage.ChannelCreate(host.nextId(), owner.id(), "crowd-" + channel, null));
                host.expect(ServerMessage.ChannelJoined.class);
            }
        }
        var failures = new ConcurrentLinkedQueue<Throwable>();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < CLIENTS; client++) {
                int index = client;
                clients.execute(() -> {
                    try (Wire wire = SERVER.connect(user)) {
                        Views.Persona persona = TestServer.persona(wire, "Crowd" + (char) ('a' + index % 26) + index);
                        String channel = "crowd-" + index % 4;
                        wire.send(new ClientMessage.ChannelJoin(wire.nextId(), persona.id(), channel));
                        wire.expect(ServerMessage.ChannelJoined.class);
                        wire.send(new ClientMessage.Say(wire.nextId(), persona.id(), channel, "here " + index));
                        wire.expect(ServerMessage.Sent.class);
                    } catch (Throwable failed) {
                        failures.add(failed);
                    }
                });
            }
        }
        assertThat(List.copyOf(failures)).isEmpty();
    }
}
