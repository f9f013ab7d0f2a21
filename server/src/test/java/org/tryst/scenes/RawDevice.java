package org.tryst.scenes;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tryst.TestServer;
import org.tryst.client.Connection;
import org.tryst.client.RequestFailed;
import org.tryst.client.SceneEvent;
import org.tryst.client.mls.BcMls;
import org.tryst.client.mls.Mls;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * A device driven by hand: the protocol and the MLS layer without the client library's policies,
 * so that tests can send exactly the messages a modified client could, in the order they choose.
 */
final class RawDevice implements AutoCloseable {
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    final Connection connection;
    final BcMls mls = BcMls.create();
    final TestServer.User user;
    final Views.Persona persona;
    final String device;
    final BlockingQueue<ServerMessage> events = new LinkedBlockingQueue<>();

    RawDevice(TestServer server, String name) {
        user = server.register(name.toLowerCase());
        connection = Connection.open(URI.create(server.origin()), user.token());
        connection.listen(events::add);
        persona = ((ServerMessage.PersonaInfo) request(id -> new ClientMessage.PersonaCreate(id, TestServer.uniqueName(name), null, null, null))).persona();
        device = ((ServerMessage.DeviceRegistered) request(id -> new ClientMessage.DeviceRegister(id, BASE64.encodeToString(mls.signatureKey())))).device().id();
        request(id -> new ClientMessage.DeviceAttach(id, device));
        request(id -> new ClientMessage.KeyPackagesUpload(id, persona.id(),
                List.of(BASE64.encodeToString(mls.newKeyPackage(persona.id())), BASE64.encodeToString(mls.newKeyPackage(persona.id()))),
                BASE64.encodeToString(mls.newKeyPackage(persona.id()))));
    }

    ServerMessage request(java.util.function.Function<String, ClientMessage> build) {
        try {
            return connection.request(build).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /** The error code the server answers a request with; fails if it succeeds. */
    String refusal(java.util.function.Function<String, ClientMessage> build) {
        try {
            ServerMessage reply = request(build);
            throw new AssertionError("expected a refusal, got " + reply);
        } catch (RequestFailed refused) {
            return refused.code();
        }
    }

    /** Creates a scene and its group on this device. */
    Views.Scene createScene() {
        Views.Scene scene = ((ServerMessage.SceneInfo) request(id -> new ClientMessage.SceneCreate(id, persona.id()))).scene();
        mls.create(scene.id(), persona.id(), Base64.getDecoder().decode(scene.externalSender()));
        return scene;
    }

    /** A scene made by this device, with a client-library member added the proper way. */
    Views.Scene sceneWith(SceneMember member) throws InterruptedException {
        Views.Scene scene = createScene();
        request(id -> new ClientMessage.SceneInvite(id, scene.id(), persona.id(), member.persona().id(), null));
        member.client().accept(member.next(SceneEvent.Invited.class).invitation());
        var claimed = (ServerMessage.KeyPackages) request(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), member.persona().id()));
        Mls.Group group = mls.group(scene.id());
        Mls.Commit commit = group.commit(claimed.keyPackages().stream().map(kp -> Base64.getDecoder().decode(kp.keyPackage())).toList(), List.of());
        send(scene.id(), commit.message(), commit.welcome());
        group.confirm();
        member.next(SceneEvent.Joined.class);
        return scene;
    }

    /** Sends MLS bytes to a scene under a fresh client message id. */
    ServerMessage send(String sceneId, byte[] data, byte[] welcome) {
        return send(sceneId, UUID.randomUUID().toString(), data, welcome);
    }

    ServerMessage send(String sceneId, String clientId, byte[] data, byte[] welcome) {
        return request(id -> new ClientMessage.SceneSend(id, sceneId, clientId, BASE64.encodeToString(data),
                welcome == null ? null : BASE64.encodeToString(welcome)));
    }

    String sendRefused(String sceneId, byte[] data, byte[] welcome) {
        return refusal(id -> new ClientMessage.SceneSend(id, sceneId, UUID.randomUUID().toString(), BASE64.encodeToString(data),
                welcome == null ? null : BASE64.encodeToString(welcome)));
    }

    /** The next event of a type, skipping others. */
    <T extends ServerMessage> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            ServerMessage event = events.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(event)) return type.cast(event);
        }
        throw new AssertionError(persona.name() + ": no " + type.getSimpleName() + " within 10 s");
    }

    /** Fails if a scene message reaches this device within the given time. */
    void hearsNoSceneMessageFor(Duration quiet) throws InterruptedException {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            if (events.poll(20, TimeUnit.MILLISECONDS) instanceof ServerMessage.SceneDelivery delivery) {
                throw new AssertionError(persona.name() + " received " + delivery.message().kind());
            }
        }
    }

    /** The next relayed scene message. */
    Views.SceneMessage nextSceneMessage() throws InterruptedException {
        return next(ServerMessage.SceneDelivery.class).message();
    }

    /** Handles the next relayed message in this device's group (joining on a Welcome) and acknowledges it. */
    Mls.Handled handleNext() throws InterruptedException {
        Views.SceneMessage message = nextSceneMessage();
        byte[] data = Base64.getDecoder().decode(message.data());
        Mls.Handled handled = message.kind().equals("welcome") ? null : mls.group(message.scene()).handle(data);
        if (message.kind().equals("welcome")) mls.join(data);
        request(id -> new ClientMessage.SceneAck(id, List.of(message.id())));
        return handled;
    }

    @Override
    public void close() {
        connection.close();
    }
}
