package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.client.Connection;
import org.tryst.client.SceneEvent;
import org.tryst.client.mls.Mls;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Call signalling through the server: a signal reaches the scene's other member devices online now,
 * end to end encrypted, and is neither stored nor queued for a device that is offline; signals that
 * are not current application messages of a member are refused with typed errors. Runs on one
 * process and on two.
 */
abstract class CallSignalContract {
    private static final String PROPOSE = "{\"kind\":\"call.propose\",\"call\":\"c1\"}";

    abstract TestServer server();

    @Test
    void aSignalReachesTheOtherMemberAndNothingOfItIsStored() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice"); var bob = SceneMember.join(server(), "Bob")) {
            Views.Scene scene = alice.sceneWith(bob);
            long stored = rows("SELECT COUNT(*) FROM scene_messages WHERE scene_id = ?", scene.id());
            alice.client().signal(scene.id(), PROPOSE);
            SceneEvent.Signalled heard = bob.next(SceneEvent.Signalled.class);
            assertThat(heard.json()).isEqualTo(PROPOSE);
            assertThat(heard.persona()).isEqualTo(alice.persona().id());
            assertThat(rows("SELECT COUNT(*) FROM scene_messages WHERE scene_id = ?", scene.id())).isEqualTo(stored);
            bob.client().say(scene.id(), "the scene carries on");
            assertThat(alice.heard()).isEqualTo("the scene carries on");
        }
    }

    @Test
    void aDeviceOfflineWhenASignalIsSentNeverReceivesIt() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = SceneMember.join(server(), "Bob")) {
            Views.Scene scene = alice.sceneWith(bob);
            alice.connection.close();
            long queued = rows("SELECT COUNT(*) FROM scene_queue WHERE device_id = ?", alice.device);
            bob.client().signal(scene.id(), PROPOSE);
            try (Connection again = Connection.open(URI.create(server().origin()), alice.user.token())) {
                BlockingQueue<ServerMessage> events = new LinkedBlockingQueue<>();
                again.listen(events::add);
                var attached = (ServerMessage.DeviceAttached) again.request(id -> new ClientMessage.DeviceAttach(id, alice.device)).join();
                assertThat(attached.queued()).isEqualTo(queued);
                long quietUntil = System.nanoTime() + Duration.ofMillis(300).toNanos();
                while (System.nanoTime() < quietUntil) {
                    if (events.poll(20, TimeUnit.MILLISECONDS) instanceof ServerMessage.SceneSignalled late) {
                        throw new AssertionError("a signal sent while the device was offline reached it: " + late);
                    }
                }
            }
        }
    }

    @Test
    void signalsThatAreNotCurrentApplicationMessagesOfAMemberAreRefused() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = SceneMember.join(server(), "Bob");
             var eve = new RawDevice(server(), "Eve")) {
            Views.Scene scene = alice.sceneWith(bob);
            Mls.Group group = alice.mls.group(scene.id());
            byte[] early = group.protect(new byte[0], PROPOSE.getBytes(StandardCharsets.UTF_8));
            Mls.Commit rekey = group.commit(List.of(), List.of());
            assertThat(alice.refusal(id -> signal(id, scene.id(), rekey.message()))).isEqualTo("bad_mls");
            alice.send(scene.id(), rekey.message(), null);
            group.confirm();
            assertThat(alice.refusal(id -> signal(id, scene.id(), early))).isEqualTo("stale_epoch");
            byte[] current = group.protect(new byte[0], PROPOSE.getBytes(StandardCharsets.UTF_8));
            assertThat(eve.refusal(id -> signal(id, scene.id(), current))).isEqualTo("not_member");
            assertThat(alice.refusal(id -> signal(id, "no-such-scene", current))).isEqualTo("bad_mls");
            Views.Scene other = eve.createScene();
            assertThat(alice.refusal(id -> signal(id, other.id(), current))).isEqualTo("bad_mls");
            assertThat(alice.refusal(id -> signal(id, scene.id(), new byte[] {0, 1, 2, 3, 4, 5}))).isEqualTo("bad_mls");
            bob.expectNoSignalFor(Duration.ofMillis(300));
            alice.request(id -> signal(id, scene.id(), current));
            assertThat(bob.next(SceneEvent.Signalled.class).json()).isEqualTo(PROPOSE);
        }
    }

    private static ClientMessage signal(String id, String scene, byte[] data) {
        return new ClientMessage.SceneSignal(id, scene, Base64.getEncoder().encodeToString(data));
    }

    private long rows(String query, String scene) throws Exception {
        try (java.sql.Connection connection = server().database(); PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, scene);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
