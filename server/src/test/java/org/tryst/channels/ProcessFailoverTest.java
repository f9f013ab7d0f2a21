package org.tryst.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.FreePorts;
import org.tryst.testkit.Scratch;
import org.tryst.testkit.Wire;

/**
 * A server process killed (SIGKILL) while a client sends it lines: the client reconnects to the
 * other process and sends again what was not acknowledged, under the same client ids; everyone gets
 * every line once and in order, and none acknowledged before the kill is lost.
 */
class ProcessFailoverTest {
    private static final int LINES = 200;

    @RegisterExtension
    static final TestServer SURVIVOR = TestServer.cluster(1);

    @Test
    void aKilledProcesssClientsGetEveryAcknowledgedLineOnceAndInOrderFromTheOther() throws Exception {
        int port = FreePorts.pick();
        Path data = Scratch.directory("tryst-doomed");
        Process doomed = start(port, data);
        try {
            TestServer.User speaker = SURVIVOR.register("doomed-speaker");
            Wire listener = SURVIVOR.connect(SURVIVOR.register("survivor-listener"), 0);
            Views.Persona sage = TestServer.persona(listener, "Sage");
            Wire onDoomed = connect(port, speaker);
            Views.Persona rowan = TestServer.persona(onDoomed, "Rowan");
            String channel = ChannelsContract.sharedChannel(listener, sage, onDoomed, rowan);

            for (int n = 0; n < LINES; n++) onDoomed.send(say(onDoomed.nextId(), rowan, channel, n));
            Set<String> acknowledged = new LinkedHashSet<>();
            while (acknowledged.size() < LINES / 4) {
                acknowledged.add(onDoomed.expect(ServerMessage.Sent.class).message());
            }
            doomed.destroyForcibly().waitFor();

            // The client comes back on the survivor and says again, under the same ids, everything it sent.
            Wire again = SURVIVOR.connect(speaker, 0);
            again.send(new ClientMessage.PersonaUse(again.nextId(), rowan.id()));
            again.expect(ServerMessage.PersonaInUse.class);
            for (int n = 0; n < LINES; n++) {
                String id = again.nextId();
                again.send(say(id, rowan, channel, n));
                acknowledged.add(again.expect(ServerMessage.Sent.class, sent -> sent.id().equals(id)).message());
            }
            assertThat(acknowledged).hasSize(LINES);

            List<String> expected = new ArrayList<>();
            for (int n = 0; n < LINES; n++) expected.add("line " + n);
            List<String> heard = new ArrayList<>();
            while (heard.size() < LINES) heard.add(listener.expect(ServerMessage.ChannelMessage.class).message().text());
            assertThat(heard).containsExactlyElementsOf(expected);
            listener.expectNothing(Duration.ofMillis(300));
            again.send(new ClientMessage.HistoryFetch(again.nextId(), rowan.id(), channel, null, LINES));
            assertThat(again.expect(ServerMessage.History.class).messages()).extracting(Views.Message::text)
                    .containsExactlyElementsOf(expected);
        } finally {
            doomed.destroyForcibly().waitFor();
            Scratch.delete(data);
        }
    }

    private static ClientMessage.Say say(String id, Views.Persona persona, String channel, int n) {
        return new ClientMessage.Say(id, persona.id(), channel, "line " + n, "line-" + n);
    }

    /** A second server process, a JVM of its own on the survivor's database and bus, ready to serve when this returns. */
    private static Process start(int port, Path data) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "org.tryst.Main", "serve");
        Map<String, String> environment = builder.environment();
        environment.putAll(SURVIVOR.environment("doomed"));
        environment.put("TRYST_HTTP_PORT", String.valueOf(port));
        environment.put("TRYST_HTTP_DATA", data.toString());
        environment.put("TRYST_METRICS_LISTEN", "off");
        Process process = builder.redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                var health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) return process;
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("the second server process did not become ready; see " + data.resolve("server.log"));
    }

    /** A socket on the other process, with a ticket from the survivor. */
    private static Wire connect(int port, TestServer.User user) {
        Wire wire = Wire.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), "http://127.0.0.1:" + port);
        String id = wire.nextId();
        wire.send(new ClientMessage.Hello(id, Codec.VERSION, SURVIVOR.ticket(user.token())));
        wire.expect(ServerMessage.Welcome.class);
        return wire;
    }
}
