package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.client.SceneEvent;
import org.tryst.client.TrystClient;
import org.tryst.protocol.Views;

/** Java clients meet in a scene through a real server and talk end to end encrypted. */
class SceneChatTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    @Test
    void twoClientsTalkBothWaysAndAnOutsiderHearsNothing() throws Exception {
        try (Member alice = Member.join(server, "alice"); Member bob = Member.join(server, "bob"); Member eve = Member.join(server, "eve")) {
            Views.Scene scene = alice.client.createScene(alice.persona.id());
            alice.client.invite(scene.id(), alice.persona.id(), bob.persona.id(), "a walk by the sea?");
            SceneEvent.Invited invited = bob.next(SceneEvent.Invited.class);
            assertThat(invited.invitation().note()).isEqualTo("a walk by the sea?");
            bob.client.accept(invited.invitation().id());
            bob.next(SceneEvent.Joined.class);

            alice.client.say(scene.id(), "hello Bob");
            assertThat(bob.next(SceneEvent.Said.class).text()).isEqualTo("hello Bob");
            bob.client.say(scene.id(), "hello Alice");
            SceneEvent.Said reply = alice.next(SceneEvent.Said.class);
            assertThat(reply.text()).isEqualTo("hello Alice");
            assertThat(reply.from().id()).isEqualTo(bob.persona.id());
            assertThat(alice.client.epoch(scene.id()).authenticator()).isEqualTo(bob.client.epoch(scene.id()).authenticator());

            assertThat(eve.client.inScene(scene.id())).isFalse();
            assertThat(eve.client.events().poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    /** A registered account with a persona and a device. */
    record Member(TrystClient client, Views.Persona persona, Path data) implements AutoCloseable {
        static Member join(TestServer server, String name) throws Exception {
            TestServer.User user = server.register(name);
            Path data = Files.createTempDirectory("tryst-client");
            TrystClient client = TrystClient.open(URI.create(server.origin()), user.token(), data);
            Views.Persona persona = client.createPersona(TestServer.uniqueName(Character.toUpperCase(name.charAt(0)) + name.substring(1)));
            return new Member(client, persona, data);
        }

        <T extends SceneEvent> T next(Class<T> type) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                SceneEvent event = client.events().poll(100, TimeUnit.MILLISECONDS);
                if (type.isInstance(event)) return type.cast(event);
            }
            throw new AssertionError("no " + type.getSimpleName() + " within 10 s");
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
