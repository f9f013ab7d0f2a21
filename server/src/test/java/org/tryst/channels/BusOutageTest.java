package org.tryst.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.tryst.testkit.FreePorts;
import org.tryst.testkit.NatsServer;
import org.tryst.testkit.Wire;

/**
 * Processes whose bus fails under them: NATS stopped and started again, or frozen, or not there yet
 * when a process starts. Lines said meanwhile are stored and acknowledged at once, and reach the
 * other process's sockets once and in order when the bus is back, the gap read from the database.
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
    void whatChangedInAChannelWhileNatsWasAwayIsToldToTheOtherProcessesSocketsWhenItIsBack() {
        Pair pair = Pair.of("changes");
        Wire third = SERVER.connect(SERVER.register("changes-third"), 0);
        Views.Persona wren = TestServer.persona(third, "Wren");
        third.send(new ClientMessage.ChannelJoin(third.nextId(), wren.id(), pair.channel()));
        third.expect(ServerMessage.ChannelJoined.class);
        pair.listener().expect(ServerMessage.MemberJoined.class);
        Wire newcomer = SERVER.connect(SERVER.register("changes-newcomer"), 0);
        Views.Persona moss = TestServer.persona(newcomer, "Moss");

        NATS.stop();
        waitUntil(() -> SERVER.metric(0, "tryst_bus_connected") == 0 && SERVER.metric(1, "tryst_bus_connected") == 0);
        pair.speaker().send(new ClientMessage.TopicSet(pair.speaker().nextId(), pair.speaking().id(), pair.channel(), "said in the dark"));
        pair.speaker().expect(ServerMessage.Ok.class);
        third.send(new ClientMessage.ChannelLeave(third.nextId(), wren.id(), pair.channel()));
        third.expect(ServerMessage.Ok.class);
        newcomer.send(new ClientMessage.ChannelJoin(newcomer.nextId(), moss.id(), pair.channel()));
        newcomer.expect(ServerMessage.ChannelJoined.class);
        pair.speaker().send(new ClientMessage.Block(pair.speaker().nextId(), pair.listenerPersona().id(), null));
        pair.speaker().expect(ServerMessage.Blocks.class);
        pair.listener().expectNothing(Duration.ofMillis(300));
        NATS.startAgain();

        assertThat(pair.listener().expect(ServerMessage.TopicChanged.class).topic()).isEqualTo("said in the dark");
        ServerMessage.MemberLeft blockerHidden = new ServerMessage.MemberLeft(pair.channel(), pair.speaking().id(), "left");
        ServerMessage.MemberLeft wrenLeft = new ServerMessage.MemberLeft(pair.channel(), wren.id(), "left");
        List<ServerMessage> news = new ArrayList<>();
        // Presence comes too, in any order among them; at most a few messages in all.
        while (news.size() < 8 && !(news.contains(blockerHidden) && news.contains(wrenLeft)
                && news.stream().anyMatch(ServerMessage.MemberJoined.class::isInstance))) {
            news.add(pair.listener().expect(ServerMessage.class));
        }
        assertThat(news).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(ServerMessage.MemberJoined.class,
                joined -> assertThat(joined.member().id()).isEqualTo(moss.id())));
        assertThat(news).contains(wrenLeft);
        assertThat(news).as("the block hides the blocker").contains(blockerHidden);
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

    @Test
    void whatIsNotAnEventOnTheBusIsCountedAndDeliveryGoesOn() throws Exception {
        Pair pair = Pair.of("garbled");
        double unreadable = SERVER.metric(1, "tryst_bus_unreadable_total");
        String subject = SERVER.environment("probe").get("TRYST_CLUSTER_SUBJECT") + ".events";
        try (io.nats.client.Connection stranger = io.nats.client.Nats.connect(NATS.url())) {
            stranger.publish(subject, "not an event".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            stranger.publish(subject, "{\"node\":\"x\",\"instance\":\"y\",\"at\":1,\"event\":{\"kind\":\"Nope\"}}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            stranger.flush(Duration.ofSeconds(5));
        }
        waitUntil(() -> SERVER.metric(1, "tryst_bus_unreadable_total") - unreadable >= 2);
        List<String> said = pair.say("after the noise", 3);
        assertThat(pair.heardByListener(said.size())).containsExactlyElementsOf(said);
    }

    @Test
    void aProcessStartsWhileNatsIsAwayAndIsReadyOnceItAnswers() throws Exception {
        int port = FreePorts.pick();
        TestServer alone = TestServer.cluster(1).with("TRYST_CLUSTER_NATS_URL", "nats://127.0.0.1:" + port);
        alone.beforeAll(null);
        try {
            HttpResponse<String> unready = readiness(alone);
            assertThat(unready.statusCode()).isEqualTo(503);
            assertThat(unready.body()).contains("the bus (NATS) does not reach the other processes");
            try (NatsServer late = NatsServer.startOn(port)) {
                waitUntil(() -> readiness(alone).statusCode() == 200);
            }
        } finally {
            alone.afterAll(null);
        }
    }

    private static HttpResponse<String> readiness(TestServer server) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.http("/readyz")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A speaker on the first process and a listener on the second, in one channel. */
    private record Pair(Wire speaker, Views.Persona speaking, Wire listener, Views.Persona listenerPersona, String channel) {
        static Pair of(String base) {
            Wire speaker = SERVER.connect(SERVER.register(base + "-speaker"), 0);
            Wire listener = SERVER.connect(SERVER.register(base + "-listener"), 1);
            Views.Persona speaking = TestServer.persona(speaker, "Rowan");
            Views.Persona listening = TestServer.persona(listener, "Sage");
            String channel = ChannelsContract.sharedChannel(speaker, speaking, listener, listening);
            Pair pair = new Pair(speaker, speaking, listener, listening, channel);
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
