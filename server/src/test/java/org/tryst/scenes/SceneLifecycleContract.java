package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.client.SceneEvent;
import org.tryst.protocol.Views;

/** A scene's life through real clients: three members, removal, leaving, being offline, resending, disappearing. */
abstract class SceneLifecycleContract {
    static final MutableClock clock = new MutableClock();

    abstract TestServer server();

    @Test
    void threeMembersEachHearTheOthers() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice", clock); var bob = SceneMember.join(server(), "Bob", clock);
             var carol = SceneMember.join(server(), "Carol", clock)) {
            Views.Scene scene = alice.sceneWith(bob, carol);
            bob.next(SceneEvent.NewEpoch.class);
            alice.client().say(scene.id(), "from Alice");
            bob.client().say(scene.id(), "from Bob");
            carol.client().say(scene.id(), "from Carol");
            assertThat(List.of(bob.heard(), bob.heard())).containsExactlyInAnyOrder("from Alice", "from Carol");
            assertThat(List.of(carol.heard(), carol.heard())).containsExactlyInAnyOrder("from Alice", "from Bob");
            assertThat(List.of(alice.heard(), alice.heard())).containsExactlyInAnyOrder("from Bob", "from Carol");
            byte[] authenticator = alice.client().epoch(scene.id()).authenticator();
            assertThat(bob.client().epoch(scene.id()).authenticator()).isEqualTo(authenticator);
            assertThat(carol.client().epoch(scene.id()).authenticator()).isEqualTo(authenticator);
        }
    }

    @Test
    void aRemovedMemberCannotReadWhatFollows() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice", clock); var bob = SceneMember.join(server(), "Bob", clock);
             var carol = SceneMember.join(server(), "Carol", clock)) {
            Views.Scene scene = alice.sceneWith(bob, carol);
            alice.client().remove(scene.id(), carol.persona().id());
            carol.next(SceneEvent.Removed.class);
            bob.next(SceneEvent.NewEpoch.class);
            alice.client().say(scene.id(), "after Carol left");
            assertThat(bob.heard()).isEqualTo("after Carol left");
            assertThat(carol.client().inScene(scene.id())).isFalse();
            carol.hearsNothingFor(Duration.ofMillis(300));
            assertThat(alice.client().scenes().stream().filter(s -> s.id().equals(scene.id())).findFirst().orElseThrow().members())
                    .extracting(Views.Author::id).containsExactlyInAnyOrder(alice.persona().id(), bob.persona().id());
        }
    }

    @Test
    void aMemberLeavesAtOnceAndTheNextCommitShutsItOut() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice", clock); var bob = SceneMember.join(server(), "Bob", clock);
             var carol = SceneMember.join(server(), "Carol", clock)) {
            Views.Scene scene = alice.sceneWith(bob, carol);
            long before = alice.client().epoch(scene.id()).epoch();
            carol.client().leave(scene.id(), carol.persona().id());
            // Alice sits at the lowest leaf, so her client commits the server's removal proposal at once.
            alice.next(SceneEvent.NewEpoch.class);
            bob.next(SceneEvent.NewEpoch.class);
            assertThat(alice.client().epoch(scene.id()).epoch()).isEqualTo(before + 1);
            assertThat(bob.client().epoch(scene.id()).authenticator()).isEqualTo(alice.client().epoch(scene.id()).authenticator());
            bob.client().say(scene.id(), "just us now");
            assertThat(alice.heard()).isEqualTo("just us now");
            assertThat(carol.client().inScene(scene.id())).isFalse();
        }
    }

    @Test
    void whenTheFirstMemberLeavesTheNextOneCommitsItsRemoval() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice", clock); var bob = SceneMember.join(server(), "Bob", clock);
             var carol = SceneMember.join(server(), "Carol", clock)) {
            Views.Scene scene = alice.sceneWith(bob, carol);
            // Carol joined last, from a Welcome at the newest epoch; Bob may still be applying the commit that added her.
            long before = carol.client().epoch(scene.id()).epoch();
            alice.client().leave(scene.id(), alice.persona().id());
            bob.next(SceneEvent.NewEpoch.class);
            carol.next(SceneEvent.NewEpoch.class);
            assertThat(carol.client().epoch(scene.id()).epoch()).isEqualTo(before + 1);
            carol.client().say(scene.id(), "Alice has gone");
            assertThat(bob.heard()).isEqualTo("Alice has gone");
        }
    }

    @Test
    void aMemberLeftAloneCarriesOnAndTheRemovalRidesOnTheNextAdd() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice", clock); var bob = SceneMember.join(server(), "Bob", clock);
             var carol = SceneMember.join(server(), "Carol", clock)) {
            Views.Scene scene = alice.sceneWith(bob);
            long before = alice.client().epoch(scene.id()).epoch();
            bob.client().leave(scene.id(), bob.persona().id());
            alice.changed(changed -> changed.members().size() == 1);
            assertThat(alice.client().epoch(scene.id()).epoch()).isEqualTo(before);
            alice.bringIn(scene.id(), carol);
            assertThat(carol.client().epoch(scene.id()).epoch()).isEqualTo(before + 1);
            carol.client().say(scene.id(), "hello, Alice");
            assertThat(alice.heard()).isEqualTo("hello, Alice");
            assertThat(alice.client().events()).noneMatch(event -> event instanceof SceneEvent.Trouble);
        }
    }

    @Test
    void deletingAPersonaTakesItOutOfItsScenesFirst() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice", clock); var bob = SceneMember.join(server(), "Bob", clock);
             var carol = SceneMember.join(server(), "Carol", clock)) {
            Views.Scene scene = alice.sceneWith(bob, carol);
            long before = alice.client().epoch(scene.id()).epoch();
            carol.client().connection().request(id -> new org.tryst.protocol.ClientMessage.PersonaDelete(id, carol.persona().id())).join();
            alice.reaches(scene.id(), before + 1);
            bob.reaches(scene.id(), before + 1);
            assertThat(bob.client().epoch(scene.id()).epoch()).isEqualTo(before + 1);
            bob.client().say(scene.id(), "two of us");
            assertThat(alice.heard()).isEqualTo("two of us");
            assertThat(alice.client().scenes().getFirst().members()).extracting(Views.Author::id)
                    .containsExactlyInAnyOrder(alice.persona().id(), bob.persona().id());
        }
    }

    @Test
    void anOfflineMemberGetsEverythingInOrderAfterARestart() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice", clock); var bob = SceneMember.join(server(), "Bob", clock)) {
            Views.Scene scene = alice.sceneWith(bob);
            bob.quit();
            for (int i = 1; i <= 20; i++) alice.client().say(scene.id(), "line " + i);
            bob.restart();
            List<String> heard = new ArrayList<>();
            for (int i = 1; i <= 20; i++) heard.add(bob.heard());
            assertThat(heard).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i).toList());
            bob.client().say(scene.id(), "back again");
            assertThat(alice.heard()).isEqualTo("back again");
        }
    }

    @Test
    void aMessageDeliveredAgainAfterALostAcknowledgementIsDroppedAsADuplicate() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice", clock); var bob = SceneMember.join(server(), "Bob", clock)) {
            Views.Scene scene = alice.sceneWith(bob);
            alice.client().say(scene.id(), "only once, please");
            assertThat(bob.heard()).isEqualTo("only once, please");
            String device = bob.client().deviceId();
            bob.quit(); // before the client's acknowledgement went out
            assertThat(queued(device)).isPositive();
            bob.restart();
            bob.hearsNothingFor(Duration.ofMillis(600));
            assertThat(queued(device)).isZero();
            assertThat(bob.client().history(scene.id())).isEmpty();
            alice.client().say(scene.id(), "and the next");
            assertThat(bob.heard()).isEqualTo("and the next");
        }
    }

    @Test
    void theSameClientMessageSentTenTimesAcrossReconnectsArrivesOnce() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice", clock); var bob = SceneMember.join(server(), "Bob", clock)) {
            Views.Scene scene = alice.sceneWith(bob);
            List<String> serverIds = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                serverIds.add(alice.client().send(scene.id(), "say", "only once", "resend-1").join());
                if (i % 3 == 2) {
                    alice.quit();
                    alice.restart();
                }
            }
            assertThat(serverIds).containsOnly(serverIds.getFirst());
            assertThat(bob.heard()).isEqualTo("only once");
            alice.client().say(scene.id(), "next");
            assertThat(bob.heard()).isEqualTo("next");
            assertThat(count("SELECT COUNT(*) FROM scene_messages WHERE client_id = ?", "resend-1")).isEqualTo(1);
        }
    }

    @Test
    void theTimerDeletesCiphertextOnTheServerAndPlaintextInTheClient() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice", clock); var bob = SceneMember.join(server(), "Bob", clock);
             var carol = SceneMember.join(server(), "Carol", clock)) {
            Views.Scene scene = alice.sceneWith(bob, carol);
            alice.client().timer(scene.id(), alice.persona().id(), 300);
            bob.changed(changed -> changed.timerSeconds() == 300);
            carol.quit();
            alice.client().say(scene.id(), "gone in five minutes");
            SceneEvent.Said said = bob.next(SceneEvent.Said.class);
            assertThat(said.expiresAt()).isEqualTo(said.at() + 300_000);
            assertThat(storedMessages(scene.id())).isPositive();

            clock.advance(Duration.ofSeconds(301));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (storedMessages(scene.id()) > 0 && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(storedMessages(scene.id())).isZero();
            assertThat(bob.client().history(scene.id())).isEmpty();
            carol.restart();
            carol.hearsNothingFor(Duration.ofMillis(500));
        }
    }

    @Test
    void offNeedsEveryMembersChoice() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice", clock); var bob = SceneMember.join(server(), "Bob", clock)) {
            Views.Scene scene = alice.sceneWith(bob);
            alice.client().timer(scene.id(), alice.persona().id(), 0);
            Views.Scene asked = bob.changed(changed -> !changed.timerChoices().isEmpty());
            assertThat(asked.timerSeconds()).isEqualTo(86_400);
            assertThat(asked.timerChoices()).containsExactly(new Views.TimerChoice(alice.persona().id(), 0));
            bob.client().timer(scene.id(), bob.persona().id(), 0);
            Views.Scene agreed = alice.changed(changed -> changed.timerChoices().isEmpty() && changed.timerSeconds() != 86_400);
            assertThat(agreed.timerSeconds()).isZero();
        }
    }

    private int queued(String device) throws Exception {
        return count("SELECT COUNT(*) FROM scene_queue WHERE device_id = ?", device);
    }

    private int storedMessages(String sceneId) throws Exception {
        return count("SELECT COUNT(*) FROM scene_messages WHERE scene_id = ? AND kind = 'application'", sceneId);
    }

    private int count(String query, String parameter) throws Exception {
        try (var sql = server().database(); var statement = sql.prepareStatement(query)) {
            statement.setString(1, parameter);
            var rows = statement.executeQuery();
            rows.next();
            return rows.getInt(1);
        }
    }
}
