package org.tryst.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/** A block list holds at most {@link Blocks#MAX_ENTRIES} entries; one more is refused and changes nothing. */
class BlockListBoundTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite()
            .with("TRYST_PERSONAS_MAX_PER_ACCOUNT", Integer.toString(Blocks.MAX_ENTRIES + 1))
            .with("TRYST_RATE_LIMITS_MESSAGES_PER_SECOND_PER_ACCOUNT", "100000")
            .with("TRYST_RATE_LIMITS_BURST_PER_ACCOUNT", "100000");

    @Test
    void aFullListRefusesOneMoreButStillChangesAnEntryItHolds() {
        Wire crowd = server.connect(server.register("crowd"));
        for (int i = 0; i <= Blocks.MAX_ENTRIES; i++) {
            crowd.send(new ClientMessage.PersonaCreate(crowd.nextId(), TestServer.uniqueName("Many"), null, null, null));
        }
        List<Views.Persona> many = new ArrayList<>();
        for (int i = 0; i <= Blocks.MAX_ENTRIES; i++) many.add(crowd.expect(ServerMessage.PersonaInfo.class).persona());

        Wire alice = server.connect(server.register("alice"));
        // One at a time: each answer carries the whole list, up to a hundred kilobytes.
        for (int i = 0; i < Blocks.MAX_ENTRIES; i++) {
            alice.send(new ClientMessage.Mute(alice.nextId(), many.get(i).id()));
            alice.expect(ServerMessage.Blocks.class);
        }

        alice.send(new ClientMessage.Block(alice.nextId(), many.getLast().id(), null));
        assertThat(alice.expectError("invalid_message").message()).contains("at most " + Blocks.MAX_ENTRIES);
        alice.send(new ClientMessage.Mute(alice.nextId(), many.getFirst().id()));
        assertThat(alice.expect(ServerMessage.Blocks.class).blocks()).hasSize(Blocks.MAX_ENTRIES);
    }
}
