package org.tryst.bench.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.tryst.client.Connection;
import org.tryst.client.Franking;
import org.tryst.client.mls.BcMls;
import org.tryst.client.mls.Mls;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Builds scene pairs as two clients would, with the client library's connection and MLS: each
 * device registers, attaches and (the partner) uploads a KeyPackage; the sender creates the scene
 * and its group, invites the partner, who accepts; the sender claims the KeyPackage and commits the
 * Add with its Welcome, and the partner joins from it and acknowledges it, so the scene stands at
 * epoch 1 with nothing queued. Then the sender seals one honest application message (franked as the
 * client library franks), which the partner must be able to open: the ciphertext relayed later.
 */
final class ScenePairs {
    /** The server's default {@code scenes.max_devices_per_account}: ten devices, each with its own persona, share an account. */
    static final int DEVICES_PER_ACCOUNT = 10;
    private static final byte[] BODY = ("{\"kind\":\"say\",\"text\":\"" + "x".repeat(Payload.SIZE) + "\"}").getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    /** A built pair: its scene, the two devices, and the base64 MLS message the sender relays. */
    record Pair(String scene, String sender, String receiver, String ciphertext) {}

    private ScenePairs() {}

    /** The account whose device connection {@code index} attaches. */
    static int account(int connection) {
        return connection / DEVICES_PER_ACCOUNT;
    }

    /** Builds {@code count} pairs, {@code inFlight} at a time, after registering their accounts. */
    static List<Pair> build(TrystAccounts accounts, int count, int inFlight) throws IOException, InterruptedException {
        accounts.register(account(Pairs.connections(count) - 1) + 1);
        Semaphore slots = new Semaphore(inFlight);
        List<Future<Pair>> building = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int pair = 0; pair < count; pair++) {
                int number = pair;
                building.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return build(accounts, number);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (Future<Pair> pair : building) {
            try {
                pairs.add(pair.get());
            } catch (ExecutionException failed) {
                throw new IOException("building a scene pair failed: " + failed.getCause().getMessage(), failed.getCause());
            }
        }
        return pairs;
    }

    private static Pair build(TrystAccounts accounts, int pair) throws IOException, InterruptedException {
        int sending = 2 * pair;
        try (Device sender = new Device(accounts, sending, "Sender" + pair);
             Device partner = new Device(accounts, sending + 1, "Partner" + pair)) {
            partner.request(id -> new ClientMessage.KeyPackagesUpload(id, partner.persona,
                    List.of(BASE64.encodeToString(partner.mls.newKeyPackage(partner.persona))), null));
            Views.Scene scene = ((ServerMessage.SceneInfo) sender.request(id -> new ClientMessage.SceneCreate(id, sender.persona))).scene();
            Mls.Group group = sender.mls.create(scene.id(), sender.persona, BASE64_DECODER.decode(scene.externalSender()));
            String invitation = ((ServerMessage.InvitationInfo) sender.request(id -> new ClientMessage.SceneInvite(id, scene.id(),
                    sender.persona, partner.persona, null))).invitation().id();
            partner.request(id -> new ClientMessage.InvitationAccept(id, invitation, List.of(), "red"));
            var claimed = (ServerMessage.KeyPackages) sender.request(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), partner.persona));
            Mls.Commit add = group.commit(claimed.keyPackages().stream().map(kp -> BASE64_DECODER.decode(kp.keyPackage())).toList(), List.of());
            sender.request(id -> new ClientMessage.SceneSend(id, scene.id(), "add", BASE64.encodeToString(add.message()),
                    BASE64.encodeToString(add.welcome())));
            group.confirm();
            Mls.Group joined = partner.join();
            byte[] ciphertext = Franking.seal(group, BODY);
            if (!(joined.handle(ciphertext) instanceof Mls.Application)) throw new IOException("the partner could not open the sealed message");
            return new Pair(scene.id(), sender.device, partner.device, BASE64.encodeToString(ciphertext));
        }
    }

    /** One device on its own socket, with its own persona, for the set-up only. */
    private static final class Device implements AutoCloseable {
        final Connection connection;
        final BcMls mls = BcMls.create();
        final BlockingQueue<ServerMessage> events = new LinkedBlockingQueue<>();
        final String persona;
        final String device;

        Device(TrystAccounts accounts, int connection, String name) throws IOException, InterruptedException {
            this.connection = Connection.open(accounts.origin(), accounts.token(account(connection)));
            this.connection.listen(events::add);
            persona = ((ServerMessage.PersonaInfo) request(id -> new ClientMessage.PersonaCreate(id, name, null, null, null))).persona().id();
            device = ((ServerMessage.DeviceRegistered) request(id -> new ClientMessage.DeviceRegister(id,
                    BASE64.encodeToString(mls.signatureKey())))).device().id();
            request(id -> new ClientMessage.DeviceAttach(id, device));
        }

        /** A request's reply; a refusal, or no reply within 30 s (the server failed), is an IOException, so a run fails rather than hangs. */
        ServerMessage request(Function<String, ClientMessage> build) throws IOException {
            try {
                return connection.request(build).get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException refused) {
                throw new IOException(refused.getCause().getMessage(), refused.getCause());
            } catch (java.util.concurrent.TimeoutException silent) {
                throw new IOException("no reply within 30 s", silent);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", interrupted);
            }
        }

        /** Joins the group from the Welcome relayed to this device, and acknowledges it. */
        Mls.Group join() throws IOException, InterruptedException {
            Views.SceneMessage welcome = nextWelcome();
            Mls.Group group = mls.join(BASE64_DECODER.decode(welcome.data()));
            request(id -> new ClientMessage.SceneAck(id, List.of(welcome.id())));
            return group;
        }

        private Views.SceneMessage nextWelcome() throws IOException, InterruptedException {
            while (true) {
                ServerMessage event = events.poll(30, TimeUnit.SECONDS);
                if (event == null) throw new IOException("no Welcome within 30 s");
                if (event instanceof ServerMessage.SceneDelivery(Views.SceneMessage message) && message.kind().equals("welcome")) return message;
            }
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
