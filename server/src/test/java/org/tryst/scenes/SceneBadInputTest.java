package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.client.Connection;
import org.tryst.client.RequestFailed;
import org.tryst.client.SceneEvent;
import org.tryst.client.mls.Mls;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Malformed, oversized, misdirected, out-of-order and forged scene messages: each gets a typed
 * error or is dropped by the recipient, and the other members carry on unaffected.
 */
class SceneBadInputTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    @Test
    void badMlsBytesGetTypedErrorsAndTheSceneCarriesOn() throws Exception {
        try (var mallory = new RawDevice(server, "Mallory"); var bob = SceneMember.join(server, "Bob")) {
            Views.Scene scene = mallory.sceneWith(bob);
            Mls.Group group = mallory.mls.group(scene.id());
            byte[] good = honest(group, "still talking");

            assertThat(mallory.sendRefused(scene.id(), Arrays.copyOf(good, good.length / 2), null)).isEqualTo("bad_mls");
            assertThat(mallory.sendRefused(scene.id(), random(300), null)).isEqualTo("bad_mls");
            assertThat(mallory.sendRefused(scene.id(), group.protect(new byte[0], random(40)), null)).isEqualTo("bad_mls");
            try (var wire = server.connect(mallory.user)) {
                wire.sendJson("{\"type\":\"scene.send\",\"id\":\"b1\",\"scene\":\"" + scene.id() + "\",\"message\":\"m1\",\"data\":\"not base64!\"}");
                wire.expectError("invalid_message");
                wire.sendJson("{\"type\":\"scene.send\",\"id\":\"b2\",\"scene\":\"" + scene.id() + "\",\"message\":\"m2\",\"data\":\""
                        + Base64.getEncoder().encodeToString(random(ClientMessage.MAX_MLS_BYTES + 1)) + "\"}");
                wire.expectError("invalid_message");
                wire.sendJson("{\"type\":\"scene.ack\",\"id\":\"b3\",\"messages\":[]}");
                wire.expectError("invalid_message");
                assertThat(wire.isOpen()).isTrue();
            }

            Views.Scene elsewhere = mallory.createScene();
            assertThat(mallory.sendRefused(elsewhere.id(), good, null)).isEqualTo("bad_mls");
            assertThat(mallory.sendRefused("NoSuchScene", good, null)).isEqualTo("not_found");

            mallory.send(scene.id(), good, null);
            assertThat(bob.heard()).isEqualTo("still talking");
            bob.client().say(scene.id(), "still here");
            assertThat(((Views.SceneMessage) mallory.nextSceneMessage()).kind()).isEqualTo("application");
        }
    }

    @Test
    void keyPackagesAreCheckedAndCapped() throws Exception {
        try (var alice = new RawDevice(server, "Alice"); var bob = new RawDevice(server, "Bob")) {
            String persona = alice.persona.id();
            java.util.function.IntFunction<List<String>> fresh = count -> java.util.stream.IntStream.range(0, count)
                    .mapToObj(i -> Base64.getEncoder().encodeToString(alice.mls.newKeyPackage(persona))).toList();
            String bobs = Base64.getEncoder().encodeToString(bob.mls.newKeyPackage(bob.persona.id()));
            assertThat(alice.refusal(id -> new ClientMessage.KeyPackagesUpload(id, persona, List.of(bobs), null))).isEqualTo("bad_mls");
            String namingBob = Base64.getEncoder().encodeToString(alice.mls.newKeyPackage(bob.persona.id()));
            assertThat(alice.refusal(id -> new ClientMessage.KeyPackagesUpload(id, persona, List.of(namingBob), null))).isEqualTo("bad_mls");
            assertThat(alice.refusal(id -> new ClientMessage.KeyPackagesUpload(id, persona,
                    List.of(Base64.getEncoder().encodeToString(random(200))), null))).isEqualTo("bad_mls");
            var stored = (ServerMessage.KeyPackagesStored) alice.request(id -> new ClientMessage.KeyPackagesUpload(id, persona, fresh.apply(50), null));
            assertThat(stored.available()).isEqualTo(52);
            alice.request(id -> new ClientMessage.KeyPackagesUpload(id, persona, fresh.apply(48), null));
            assertThat(alice.refusal(id -> new ClientMessage.KeyPackagesUpload(id, persona, fresh.apply(1), null))).isEqualTo("invalid_message");
        }
    }

    @Test
    void aMessageForAnEarlierEpochIsStale() throws Exception {
        try (var alice = new RawDevice(server, "Alice"); var bob = SceneMember.join(server, "Bob")) {
            Views.Scene scene = alice.sceneWith(bob);
            Mls.Group group = alice.mls.group(scene.id());
            byte[] early = group.protect(frankedData(scene.id(), group.epoch(), "early"), random(40));
            Mls.Commit rekey = group.commit(List.of(), List.of());
            alice.send(scene.id(), rekey.message(), null);
            group.confirm();
            assertThat(alice.sendRefused(scene.id(), early, null)).isEqualTo("stale_epoch");
        }
    }

    @Test
    void outsidersAndSocketsWithoutADeviceAreRefused() throws Exception {
        try (var alice = new RawDevice(server, "Alice"); var bob = SceneMember.join(server, "Bob");
             var eve = new RawDevice(server, "Eve")) {
            Views.Scene scene = alice.sceneWith(bob);
            Mls.Group group = alice.mls.group(scene.id());
            byte[] message = group.protect(frankedData(scene.id(), group.epoch(), "hi"), random(40));
            assertThat(eve.sendRefused(scene.id(), message, null)).isEqualTo("not_member");
            assertThat(eve.refusal(id -> new ClientMessage.SceneLeave(id, scene.id(), eve.persona.id()))).isEqualTo("not_member");
            assertThat(eve.refusal(id -> new ClientMessage.SceneTimer(id, scene.id(), eve.persona.id(), 0L))).isEqualTo("not_member");
            assertThat(eve.refusal(id -> new ClientMessage.SceneInvite(id, scene.id(), eve.persona.id(), eve.persona.id(), null))).isEqualTo("not_member");
            assertThat(eve.refusal(id -> new ClientMessage.SceneInvite(id, scene.id(), bob.persona().id(), eve.persona.id(), null))).isEqualTo("not_your_persona");
            assertThat(eve.refusal(id -> new ClientMessage.DeviceAttach(id, alice.device))).isEqualTo("not_found");

            TestServer.User user = server.register("nodevice");
            try (Connection bare = Connection.open(java.net.URI.create(server.origin()), user.token())) {
                String code = refusal(bare, id -> new ClientMessage.SceneSend(id, scene.id(), "x", Base64.getEncoder().encodeToString(message), null));
                assertThat(code).isEqualTo("no_device");
            }
        }
    }

    @Test
    void aForgedFrankingCommitmentIsDroppedByTheRecipient() throws Exception {
        try (var mallory = new RawDevice(server, "Mallory"); var bob = SceneMember.join(server, "Bob")) {
            Views.Scene scene = mallory.sceneWith(bob);
            Mls.Group group = mallory.mls.group(scene.id());
            byte[] forged = ByteBuffer.allocate(33).put((byte) 1).put(random(32)).array();
            byte[] body = "{\"kind\":\"say\",\"text\":\"you cannot report this\"}".getBytes(StandardCharsets.UTF_8);
            byte[] plaintext = ByteBuffer.allocate(32 + body.length).put(random(32)).put(body).array();
            mallory.send(scene.id(), group.protect(forged, plaintext), null);
            SceneEvent.Dropped dropped = bob.next(SceneEvent.Dropped.class);
            assertThat(dropped.why()).contains("franking");
            assertThat(bob.client().history(scene.id())).isEmpty();
        }
    }

    @Test
    void aRemovedDeviceCannotDecryptWhatFollowsEvenHoldingTheCiphertext() throws Exception {
        try (var alice = new RawDevice(server, "Alice"); var bob = new RawDevice(server, "Bob"); var carol = new RawDevice(server, "Carol")) {
            Views.Scene scene = alice.createScene();
            List<byte[]> keyPackages = new java.util.ArrayList<>();
            for (RawDevice invitee : List.of(bob, carol)) {
                String invitation = SceneConsentTest.invite(alice, invitee, scene.id());
                invitee.request(id -> new ClientMessage.InvitationAccept(id, invitation, List.of(), "red"));
                var claimed = (ServerMessage.KeyPackages) alice.request(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), invitee.persona.id()));
                keyPackages.add(Base64.getDecoder().decode(claimed.keyPackages().getFirst().keyPackage()));
            }
            Mls.Group group = alice.mls.group(scene.id());
            Mls.Commit add = group.commit(keyPackages, List.of());
            alice.send(scene.id(), add.message(), add.welcome());
            group.confirm();
            bob.handleNext();
            carol.handleNext();
            Mls.Group carolsGroup = carol.mls.group(scene.id());
            int carolsLeaf = carolsGroup.ownLeaf();

            Mls.Commit removal = group.commit(List.of(), List.of(carolsLeaf));
            alice.send(scene.id(), removal.message(), null);
            group.confirm();
            assertThat(bob.handleNext()).isInstanceOf(Mls.NewEpoch.class);
            assertThat(carol.handleNext()).isInstanceOf(Mls.Removed.class);

            alice.send(scene.id(), honest(group, "not for Carol"), null);
            Views.SceneMessage later = bob.nextSceneMessage();
            byte[] ciphertext = Base64.getDecoder().decode(later.data());
            assertThat(bob.mls.group(scene.id()).handle(ciphertext)).isInstanceOf(Mls.Application.class);
            assertThatThrownBy(() -> carolsGroup.handle(ciphertext)).isInstanceOf(org.tryst.client.mls.MlsException.class);
            carol.hearsNoSceneMessageFor(java.time.Duration.ofMillis(300));
        }
    }

    /** An application message as an honest client makes it: a fresh franking key, and the true commitment. */
    private static byte[] honest(Mls.Group group, String text) throws Exception {
        byte[] key = random(32);
        byte[] body = ("{\"kind\":\"say\",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        mac.update("tryst-frank-v1".getBytes(StandardCharsets.US_ASCII));
        mac.update(group.id().getBytes(StandardCharsets.UTF_8));
        mac.update(ByteBuffer.allocate(8).putLong(group.epoch()).array());
        byte[] commitment = mac.doFinal(body);
        byte[] authenticatedData = ByteBuffer.allocate(33).put((byte) 1).put(commitment).array();
        return group.protect(authenticatedData, ByteBuffer.allocate(32 + body.length).put(key).put(body).array());
    }

    /** Authenticated data with a well-formed commitment (not a true one: the server cannot tell). */
    static byte[] frankedData(String sceneId, long epoch, String seed) {
        return ByteBuffer.allocate(33).put((byte) 1).put(Arrays.copyOf((sceneId + epoch + seed).repeat(8).getBytes(StandardCharsets.UTF_8), 32)).array();
    }

    private static String refusal(Connection connection, java.util.function.Function<String, ClientMessage> build) {
        try {
            connection.request(build).join();
            throw new AssertionError("expected a refusal");
        } catch (java.util.concurrent.CompletionException e) {
            return ((RequestFailed) e.getCause()).code();
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
