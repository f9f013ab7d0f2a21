package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.client.SceneEvent;
import org.tryst.protocol.Views;

/** Java clients meet in a scene through a real server and talk end to end encrypted. */
abstract class SceneChatContract {
    abstract TestServer server();

    @Test
    void twoClientsTalkBothWaysAndAnOutsiderHearsNothing() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice"); var bob = SceneMember.join(server(), "Bob");
             var eve = SceneMember.join(server(), "Eve")) {
            Views.Scene scene = alice.client().createScene(alice.persona().id());
            alice.client().invite(scene.id(), alice.persona().id(), bob.persona().id(), "a walk by the sea?");
            SceneEvent.Invited invited = bob.next(SceneEvent.Invited.class);
            assertThat(invited.invitation().note()).isEqualTo("a walk by the sea?");
            assertThat(invited.invitation().from().id()).isEqualTo(alice.persona().id());
            bob.client().accept(invited.invitation());
            bob.next(SceneEvent.Joined.class);

            alice.client().say(scene.id(), "hello Bob");
            assertThat(bob.heard()).isEqualTo("hello Bob");
            bob.client().say(scene.id(), "hello Alice");
            SceneEvent.Said reply = alice.next(SceneEvent.Said.class);
            assertThat(reply.text()).isEqualTo("hello Alice");
            assertThat(reply.from().id()).isEqualTo(bob.persona().id());
            assertThat(alice.client().epoch(scene.id()).authenticator()).isEqualTo(bob.client().epoch(scene.id()).authenticator());
            assertThat(alice.client().safetyNumber(scene.id(), bob.persona().id()))
                    .isEqualTo(bob.client().safetyNumber(scene.id(), alice.persona().id()))
                    .matches("(\\d{5} ){11}\\d{5}");

            assertThat(eve.client().inScene(scene.id())).isFalse();
            assertThat(eve.client().events().poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }
}
