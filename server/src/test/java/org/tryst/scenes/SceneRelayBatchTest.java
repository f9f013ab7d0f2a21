package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.client.RequestFailed;
import org.tryst.client.mls.Mls;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Application messages from many devices at once are stored together: each is numbered in its
 * scene's order, delivered in that order, acknowledged once stored, and one refused message in a
 * batch refuses only itself.
 */
class SceneRelayBatchTest {
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final int EACH = 30;

    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    @Test
    void messagesSentAtOnceFromBothSidesArriveInTheScenesOrderAndABadOneRefusesOnlyItself() throws Exception {
        try (var alice = new RawDevice(server, "Alice"); var bob = new RawDevice(server, "Bob"); var eve = new RawDevice(server, "Eve")) {
            Views.Scene scene = SceneAckTest.pair(alice, bob);
            Mls.Group evesOwn = eve.mls.group(eve.createScene().id());
            byte[] outsiders = evesOwn.protect(SceneBadInputTest.frankedData(scene.id(), evesOwn.epoch(), "eve"), new byte[40]);
            List<CompletableFuture<ServerMessage>> sends = new ArrayList<>();
            List<CompletableFuture<ServerMessage>> refused = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                sends.add(inFlight(alice, scene, "a" + i));
                sends.add(inFlight(bob, scene, "b" + i));
                if (i % 10 == 0) refused.add(eve.connection.request(id -> new ClientMessage.SceneSend(id, scene.id(),
                        UUID.randomUUID().toString(), BASE64.encodeToString(outsiders), null)));
            }

            List<Long> numbers = sends.stream().map(send -> ((ServerMessage.SceneSent) send.join()).seq()).toList();
            assertThat(numbers).doesNotHaveDuplicates();
            assertThat(refused).allSatisfy(send -> assertThat(refusal(send)).isEqualTo("not_member"));
            assertThat(arriving(bob)).hasSize(EACH).isSorted();
            assertThat(arriving(alice)).hasSize(EACH).isSorted();
        }
    }

    private static CompletableFuture<ServerMessage> inFlight(RawDevice sender, Views.Scene scene, String seed) throws Exception {
        Mls.Group group = sender.mls.group(scene.id());
        byte[] data = group.protect(SceneBadInputTest.frankedData(scene.id(), group.epoch(), seed), new byte[40]);
        return sender.connection.request(id -> new ClientMessage.SceneSend(id, scene.id(), UUID.randomUUID().toString(),
                BASE64.encodeToString(data), null));
    }

    /** The numbers of the next messages relayed to the device, in the order they came. */
    private static List<Long> arriving(RawDevice device) throws InterruptedException {
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < EACH; i++) numbers.add(device.nextSceneMessage().seq());
        return numbers;
    }

    private static String refusal(CompletableFuture<ServerMessage> send) {
        try {
            throw new AssertionError("expected a refusal, got " + send.join());
        } catch (CompletionException failed) {
            return ((RequestFailed) failed.getCause()).code();
        }
    }
}
