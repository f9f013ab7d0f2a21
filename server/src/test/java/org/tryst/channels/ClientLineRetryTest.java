package org.tryst.channels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.client.TrystClient;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.scenes.SceneMember;
import org.tryst.testkit.Wire;

/** The Java client library sends each channel line under its own id, so sending it again is safe. */
class ClientLineRetryTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Test
    void aLinePostedAgainUnderItsIdIsTheSameLineShownOnce() throws Exception {
        try (SceneMember alice = SceneMember.join(SERVER, "Rowan")) {
            TrystClient client = alice.client();
            String channel = ChannelsContract.channelFor(alice.persona());
            client.request(id -> new ClientMessage.ChannelCreate(id, alice.persona().id(), channel, null));
            Wire bob = SERVER.connect(SERVER.register("reader"));
            Views.Persona sage = TestServer.persona(bob, "Sage");
            bob.send(new ClientMessage.ChannelJoin(bob.nextId(), sage.id(), channel));
            bob.expect(ServerMessage.ChannelJoined.class);

            String first = client.post(alice.persona().id(), channel, MessageKind.SAY, "said once", "retry-me");
            String again = client.post(alice.persona().id(), channel, MessageKind.SAY, "said once", "retry-me");

            assertThat(again).isEqualTo(first);
            assertThat(bob.expect(ServerMessage.ChannelMessage.class).message().id()).isEqualTo(first);
            ChannelsContract.assertHeardNothingMore(bob, channel);
        }
    }
}
