package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.client.Connection;
import org.tryst.client.mls.Mls;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Acknowledgements are written in batches without holding up the socket: once {@code ok} answers
 * one, the message is gone from the device's queue, and what was not acknowledged comes again.
 */
abstract class SceneAckContract {
    abstract TestServer server();

    @Test
    void anAcknowledgedMessageIsNotQueuedAgainAndAnUnacknowledgedOneIs() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            Views.Scene scene = pair(alice, bob);
            List<String> sent = sendSome(alice, scene, 3);
            List<String> heard = List.of(bob.nextSceneMessage().id(), bob.nextSceneMessage().id(), bob.nextSceneMessage().id());
            assertThat(heard).isEqualTo(sent);

            bob.request(id -> new ClientMessage.SceneAck(id, List.of(sent.get(0), sent.get(2))));

            assertThat(reattach(bob)).containsExactly(sent.get(1));
        }
    }

    @Test
    void manyAcknowledgementsInFlightAtOnceAreAllWritten() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            Views.Scene scene = pair(alice, bob);
            List<String> sent = sendSome(alice, scene, 20);
            for (int i = 0; i < sent.size(); i++) bob.nextSceneMessage();

            List<CompletableFuture<ServerMessage>> acks = sent.stream()
                    .map(message -> bob.connection.request(id -> new ClientMessage.SceneAck(id, List.of(message)))).toList();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();

            assertThat(acks).allSatisfy(ack -> assertThat(ack.join()).isInstanceOf(ServerMessage.Ok.class));
            assertThat(reattach(bob)).isEmpty();
        }
    }

    /** A scene of two raw devices, the second joined from the first's Welcome (acknowledged). */
    static Views.Scene pair(RawDevice creator, RawDevice partner) throws Exception {
        Views.Scene scene = creator.createScene();
        String invitation = SceneConsentTest.invite(creator, partner, scene.id());
        partner.request(id -> new ClientMessage.InvitationAccept(id, invitation, List.of(), "red"));
        var claimed = (ServerMessage.KeyPackages) creator.request(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), partner.persona.id()));
        Mls.Group group = creator.mls.group(scene.id());
        Mls.Commit add = group.commit(List.of(Base64.getDecoder().decode(claimed.keyPackages().getFirst().keyPackage())), List.of());
        creator.send(scene.id(), add.message(), add.welcome());
        group.confirm();
        partner.handleNext();
        return scene;
    }

    /** Application messages from the device, in order; their server ids. */
    private static List<String> sendSome(RawDevice sender, Views.Scene scene, int count) throws Exception {
        Mls.Group group = sender.mls.group(scene.id());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] data = group.protect(SceneBadInputTest.frankedData(scene.id(), group.epoch(), "m" + i), new byte[40]);
            ids.add(((ServerMessage.SceneSent) sender.send(scene.id(), data, null)).message());
        }
        return ids;
    }

    /** Attaches a new socket for the device; the ids of the queued messages it gets, in order. */
    private List<String> reattach(RawDevice device) throws Exception {
        try (Connection socket = Connection.open(URI.create(server().origin()), device.user.token())) {
            BlockingQueue<ServerMessage> events = new LinkedBlockingQueue<>();
            socket.listen(events::add);
            var attached = (ServerMessage.DeviceAttached) socket.request(id -> new ClientMessage.DeviceAttach(id, device.device)).join();
            List<String> queued = new ArrayList<>();
            while (queued.size() < attached.queued()) {
                ServerMessage event = events.poll(10, TimeUnit.SECONDS);
                if (event == null) throw new AssertionError("the queue announced " + attached.queued() + " messages, " + queued.size() + " came");
                if (event instanceof ServerMessage.SceneDelivery delivery) queued.add(delivery.message().id());
            }
            return queued;
        }
    }
}
