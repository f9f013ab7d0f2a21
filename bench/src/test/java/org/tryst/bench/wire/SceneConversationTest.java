package org.tryst.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/** A scene pair's two conversations against the frames a Tryst server sends them. */
class SceneConversationTest {
    private static final String SCENE = "sC4";
    private static final String CIPHERTEXT = "AAEAAg==";

    private final SceneConversation.Ledger ledger = new SceneConversation.Ledger();
    private final SceneConversation sender = new SceneConversation("t1", "Dv1", SCENE, CIPHERTEXT, ledger);
    private final SceneConversation partner = new SceneConversation("t2", "Dv2", SCENE, CIPHERTEXT, ledger);
    private final RecordingLink senderLink = new RecordingLink();
    private final RecordingLink partnerLink = new RecordingLink();

    @Test
    void helloThenAttachThenReady() throws IOException {
        sender.opened(senderLink);
        assertThat(client(senderLink.last())).isEqualTo(new ClientMessage.Hello("hello", Codec.VERSION, "t1"));
        sender.received(server(new ServerMessage.Welcome("hello", Codec.VERSION, "bench0", List.of(),
                new Views.Limits(65_536, 4_000, 10, 0), "member", true)), senderLink);
        assertThat(client(senderLink.last())).isEqualTo(new ClientMessage.DeviceAttach("attach", "Dv1"));
        assertThat(senderLink.ready).isFalse();
        sender.received(server(new ServerMessage.DeviceAttached("attach", "Dv1", 0)), senderLink);
        assertThat(senderLink.ready).isTrue();
    }

    @Test
    void aSendCarriesTheScheduleInItsIdsAndTheCiphertextAsIs() throws IOException {
        String payload = Payload.stamp(7, 1_000);
        var send = (ClientMessage.SceneSend) client(sender.publish(payload));
        assertThat(send).isEqualTo(new ClientMessage.SceneSend(payload, SCENE, payload.replace('|', '-'), CIPHERTEXT, null));
    }

    @Test
    void aDeliveryIsDatedFromItsSendWhicheverArrivesFirst() throws IOException {
        sender.received(sent(Payload.stamp(0, 1_000), 3), senderLink);
        partner.received(delivery("m3", 3), partnerLink);
        assertThat(partnerLink.deliveries).singleElement().extracting(RecordingLink.Delivery::scheduledNanos).isEqualTo(1_000L);

        long before = System.nanoTime();
        partner.received(delivery("m4", 4), partnerLink);
        long after = System.nanoTime();
        assertThat(partnerLink.deliveries).hasSize(1);
        sender.received(sent(Payload.stamp(1, 2_000), 4), senderLink);
        RecordingLink.Delivery late = senderLink.deliveries.getFirst();
        assertThat(late.scheduledNanos()).isEqualTo(2_000L);
        assertThat(late.arrivedNanos()).as("the time the partner received it").isBetween(before, after);
    }

    @Test
    void deliveriesAreAcknowledgedInOneRequestAfterTheDelay() throws IOException {
        partner.received(delivery("m1", 1), partnerLink);
        partner.received(delivery("m2", 2), partnerLink);
        assertThat(partnerLink.timers).hasSize(1);
        assertThat(partnerLink.sent).isEmpty();
        partnerLink.fireTimers();
        assertThat(client(partnerLink.last())).isEqualTo(new ClientMessage.SceneAck("ack", List.of("m1", "m2")));

        partner.received(delivery("m3", 3), partnerLink);
        assertThat(partnerLink.timers).hasSize(1);
    }

    @Test
    void anErrorFailsTheConnection() throws IOException {
        sender.received(server(new ServerMessage.Error("x", "stale_epoch", "the scene is at epoch 2", null)), senderLink);
        assertThat(senderLink.failures).singleElement().asString().startsWith("stale_epoch");
    }

    private static String sent(String payload, long seq) {
        return server(new ServerMessage.SceneSent(payload, SCENE, "m" + seq, seq, 1, 0, null));
    }

    private static String delivery(String id, long seq) {
        return server(new ServerMessage.SceneDelivery(new Views.SceneMessage(id, SCENE, seq, 1, "application",
                new Views.Author("p1", "Sender0"), "Dv1", CIPHERTEXT, "dGFn", 1, 0, null)));
    }

    private static String server(ServerMessage message) {
        return new String(Codec.encode(message), StandardCharsets.UTF_8);
    }

    private static ClientMessage client(String frame) {
        var decoded = Codec.decodeClient(frame.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).isInstanceOf(Codec.Decoded.Accepted.class);
        return ((Codec.Decoded.Accepted) decoded).message();
    }
}
