package org.tryst.bench.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;

/**
 * One device's socket in a scene pair: {@code hello}, {@code device.attach}, then the sender relays
 * the pair's ciphertext with {@code scene.send} and the partner receives {@code scene.message} and
 * acknowledges in batches, as the client library does. Neither side decrypts: the server never
 * does, so relaying the same valid ciphertext under a fresh client id costs it what a new one would.
 * A delivery carries no trace of its send but the scene's sequence number, which the sender learns
 * from {@code scene.sent}; the pair's {@link Ledger} matches the two, whichever comes first.
 */
final class SceneConversation implements Conversation {
    /** The most ids one {@code scene.ack} may carry. */
    private static final int ACKS_PER_REQUEST = 500;
    private static final String HELLO = "hello";
    private static final String ATTACH = "attach";
    private static final String ACK = "ack";

    private final String ticket;
    private final String device;
    private final String scene;
    private final String ciphertext;
    private final Ledger ledger;
    private final List<String> unacknowledged = new ArrayList<>();

    SceneConversation(String ticket, String device, String scene, String ciphertext, Ledger ledger) {
        this.ticket = ticket;
        this.device = device;
        this.scene = scene;
        this.ciphertext = ciphertext;
        this.ledger = ledger;
    }

    @Override
    public void opened(Link link) {
        TrystFrames.send(link, new ClientMessage.Hello(HELLO, Codec.VERSION, ticket));
    }

    /** Never: a scene delivery is dated only once its sequence number is matched to a send. */
    @Override
    public long delivery(ByteBuf frame) {
        return -1;
    }

    @Override
    public void received(String frame, Link link) {
        ServerMessage message = TrystFrames.decode(frame, link);
        if (message == null) return;
        switch (message) {
            case ServerMessage.Welcome welcome -> TrystFrames.send(link, new ClientMessage.DeviceAttach(ATTACH, device));
            case ServerMessage.DeviceAttached attached -> link.ready();
            case ServerMessage.SceneSent sent -> ledger.sent(sent.seq(), scheduledAt(sent.id()), link);
            case ServerMessage.SceneDelivery delivery -> arrived(delivery, link);
            case ServerMessage.Error error -> link.failed(error.code() + ": " + error.message());
            default -> { }
        }
    }

    /** A {@code scene.send} of the pair's ciphertext; the request id is the payload, which {@code scene.sent} echoes. */
    @Override
    public String publish(String payload) {
        String clientId = payload.replace('|', '-');
        return TrystFrames.text(new ClientMessage.SceneSend(payload, scene, clientId, ciphertext, null));
    }

    private void arrived(ServerMessage.SceneDelivery delivery, Link link) {
        ledger.arrived(delivery.message().seq(), System.nanoTime(), link);
        unacknowledged.add(delivery.message().id());
        if (unacknowledged.size() == 1) link.later(SceneDialect.ACK_DELAY, () -> acknowledge(link));
    }

    private void acknowledge(Link link) {
        for (int from = 0; from < unacknowledged.size(); from += ACKS_PER_REQUEST) {
            List<String> batch = List.copyOf(unacknowledged.subList(from, Math.min(unacknowledged.size(), from + ACKS_PER_REQUEST)));
            TrystFrames.send(link, new ClientMessage.SceneAck(ACK, batch));
        }
        unacknowledged.clear();
    }

    private static long scheduledAt(String payload) {
        return Payload.scheduledAt(Unpooled.wrappedBuffer(payload.getBytes(StandardCharsets.US_ASCII)));
    }


    /**
     * One pair's sends and deliveries, keyed by the scene's sequence number, which both the sender's
     * {@code scene.sent} and the partner's {@code scene.message} carry. The server delivers before it
     * answers the sender, so either may reach the generator first. Both sockets run on the
     * generator's one event loop, so nothing here needs a lock.
     */
    static final class Ledger {
        private final Map<Long, Long> scheduled = new HashMap<>();
        private final Map<Long, Long> arrived = new HashMap<>();

        void sent(long seq, long scheduledNanos, Link link) {
            Long at = arrived.remove(seq);
            if (at == null) scheduled.put(seq, scheduledNanos);
            else link.delivered(scheduledNanos, at);
        }

        void arrived(long seq, long arrivedNanos, Link link) {
            Long due = scheduled.remove(seq);
            if (due == null) arrived.put(seq, arrivedNanos);
            else link.delivered(due, arrivedNanos);
        }
    }
}
