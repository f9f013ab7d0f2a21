package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tryst.Canary;
import org.tryst.TestServer;
import org.tryst.client.SceneEvent;
import org.tryst.protocol.Views;

/**
 * The promise of private scenes, checked: a unique phrase said in a scene appears nowhere on the
 * server, in any form, neither in any file under its data directory (or the PostgreSQL cluster's)
 * nor in any log line. Runs on SQLite and on PostgreSQL.
 */
abstract class SceneCanaryContract {
    abstract TestServer server();

    @Test
    void aPhraseSaidInASceneIsNowhereOnTheServer() throws Exception {
        TestServer server = server();
        Canary canary = new Canary();
        try (var alice = SceneMember.join(server, "Alice"); var bob = SceneMember.join(server, "Bob")) {
            Views.Scene scene = alice.client().createScene(alice.persona().id());
            alice.client().invite(scene.id(), alice.persona().id(), bob.persona().id(), "tea?");
            bob.client().accept(bob.next(SceneEvent.Invited.class).invitation());
            bob.next(SceneEvent.Joined.class);
            alice.client().say(scene.id(), canary.phrase());
            assertThat(bob.heard()).isEqualTo(canary.phrase());
            bob.client().say(scene.id(), canary.phrase());
            assertThat(alice.heard()).isEqualTo(canary.phrase());
        }
        canary.assertNowhere(server.storageDirectories());
    }
}
