package org.tryst.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.NatsServer;
import org.tryst.testkit.Wire;

/**
 * Two processes whose bus fails under them: NATS stopped and started again, or frozen. Lines said
 * meanwhile are stored and acknowledged at once, and reach the other process's sockets once and in
 * order when the bus is back, the gap read from the database.
 */
class BusOutageTest {
    private static final NatsServer NATS = NatsServer.start();

    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster().with("TRYST_CLUSTER_NATS_URL", NATS.url());

    @AfterAll
    static void stopNats() {
        NATS.close();
    }

    @Test
    void linesSaidWhileNatsIsStoppedReachTheOtherProcessOnceAndInOrderWhenItIsBack() {
        Pair pair = Pair.of("stopped");
        double repairedBefore = SERVER.metric(1, "tryst_bus_gaps_repaired_total");
        NATS.stop();
        waitUntil(() -> SERVER.metric(0, "tryst_bus_connected") == 0 && SERVER.metric(1, "tryst_bus_connected") == 0);
        List<String> said = pair.say("while stopped", 20);
        NATS.startAgain();
        waitUntil(() -> SERVER.metric(0, "tryst_bus_connected") == 1 && SERVER.metric(1, "tryst_bus_connected") == 1);
        said.addAll(pair.say("back", 1));

        assertThat(pair.heardByListener(said.size())).containsExactlyElementsOf(said);
        pair.listener.expectNothing(Duration.ofMillis(300));
        assertThat(SERVER.metric(1, "tryst_bus_gaps_repaired_total") - repairedBefore).isGreaterThanOrEqualTo(1);
    }

    @Test
    void whileNatsIsFrozenEveryLineIsAcknowledgedAndNoneIsLost() {
        Pair pair = Pair.of("frozen");
        NATS.pause();
        List<String> said;
        try {
            // Each acknowledgement comes within the client's patience (Wire's timeout): nothing waits for the bus.
            said = pair.say("while frozen", 20);
        } finally {
            NATS.resume();
        }
        waitUntil(() -> SERVER.metric(0, "tryst_bus_connected") == 1 && SERVER.metric(1, "tryst_bus_connected") == 1);
        said.addAll(pair.say("thawed", 1));

        assertThat(pair.heardByListener(said.size())).containsExactlyElementsOf(said);
        pair.listener.expectNothing(Duration.ofMillis(300));
    }

    /** A speaker on the first process and a listener on the second, in one channel. */
    private record Pair(Wire speaker, Views.Persona speaking, Wire listener, String channel) {
        static Pair of(String base) {
            Wire speaker = SERVER.connect(SERVER.register(base + "-speaker"), 0);
            Wire listener = SERVER.connect(SERVER.register(base + "-listener"), 1);
            Views.Persona speaking = TestServer.persona(speaker, "Rowan");
            Views.Persona listening = TestServer.persona(listener, "Sage");
            String channel = ChannelsContract.sharedChannel(speaker, speaking, listener, listening);
            Pair pair = new Pair(speaker, speaking, listener, channel);
            List<String> first = pair.say("hello", 1);
            assertThat(pair.heardByListener(1)).isEqualTo(first);
            return pair;
        }

        /** Says numbered lines, each acknowledged before the next is said; their texts. */
        List<String> say(String text, int count) {
            List<String> said = new ArrayList<>();
            IntStream.range(0, count).forEach(n -> {
                String line = text + " " + n;
                String id = speaker.nextId();
                speaker.send(new ClientMessage.Say(id, speaking.id(), channel, line));
                speaker.expect(ServerMessage.Sent.class, sent -> sent.id().equals(id));
                said.add(line);
            });
            return said;
        }

        /** The texts of the next lines the listener hears. */
        List<String> heardByListener(int count) {
            List<String> heard = new ArrayList<>();
            while (heard.size() < count) heard.add(listener.expect(ServerMessage.ChannelMessage.class).message().text());
            return heard;
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not so within 30 s");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
