package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.client.mls.Mls;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Blocks close every way into a private scene, whatever the client does: an invitation either way
 * is swallowed exactly as a decline is, nobody is invited where a member blocks them or is blocked
 * by them, and no KeyPackage, Add or Welcome gets past. A mute swallows invitations too.
 */
abstract class SceneBlockContract {
    abstract TestServer server();

    @Test
    void anInvitationFromTheBlockedSideIsSwallowedLikeADecline() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            block(alice, bob, BlockScope.PERSONA);
            Views.Scene scene = bob.createScene();
            var sent = (ServerMessage.InvitationInfo) bob.request(id -> new ClientMessage.SceneInvite(id, scene.id(), bob.persona.id(),
                    alice.persona.id(), "hi"));
            assertThat(sent.invitation().status()).isEqualTo("pending");
            assertThat(alice.events.poll(300, TimeUnit.MILLISECONDS)).isNull();
            assertThat(((ServerMessage.Invitations) alice.request(ClientMessage.InvitationList::new)).received()).isEmpty();
            assertThat(((ServerMessage.Invitations) bob.request(ClientMessage.InvitationList::new)).sent())
                    .extracting(Views.Invitation::status).containsExactly("pending");
            assertThat(bob.refusal(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), alice.persona.id()))).isEqualTo("not_invited");

            // The blocker cannot invite the blocked one either: the block separates both ways.
            Views.Scene own = alice.createScene();
            alice.request(id -> new ClientMessage.SceneInvite(id, own.id(), alice.persona.id(), bob.persona.id(), "sorry?"));
            assertThat(bob.events.poll(300, TimeUnit.MILLISECONDS)).isNull();

            // Unblocking opens the way again.
            alice.request(id -> new ClientMessage.Unblock(id, bob.persona.id()));
            Views.Scene later = bob.createScene();
            SceneConsentTest.invite(bob, alice, later.id());
        }
    }

    @Test
    void anInvitationShowsTheBlockedSideNothingOfTheBlockersBoundaries() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            alice.request(id -> new ClientMessage.BoundariesSet(id, alice.persona.id(), Map.of("pain", Answer.NO, "romance", Answer.YES),
                    "ask me first"));
            Views.Scene scene = bob.createScene();
            Views.Invitation before = invite(bob, alice, scene);
            assertThat(before.toNotes()).isEqualTo("ask me first");
            assertThat(before.matches()).extracting(Views.TopicMatch::to).contains(Answer.NO, Answer.YES);

            block(alice, bob, BlockScope.PERSONA);
            // Neither the answer to a new invitation nor the list of sent ones carries the blocker's boundaries.
            Views.Invitation after = invite(bob, alice, bob.createScene());
            var sent = ((ServerMessage.Invitations) bob.request(ClientMessage.InvitationList::new)).sent();
            assertThat(sent).hasSize(2).allSatisfy(invitation -> {
                assertThat(invitation.toNotes()).isEmpty();
                assertThat(invitation.matches()).extracting(Views.TopicMatch::to).containsOnlyNulls();
            });
            assertThat(after.toNotes()).isEmpty();
            assertThat(after.matches()).extracting(Views.TopicMatch::topic).containsExactly("pain");
            assertThat(after.matches()).extracting(Views.TopicMatch::to).containsOnlyNulls();
        }
    }

    private static Views.Invitation invite(RawDevice from, RawDevice to, Views.Scene scene) {
        return ((ServerMessage.InvitationInfo) from.request(id -> new ClientMessage.SceneInvite(id, scene.id(), from.persona.id(),
                to.persona.id(), "hi", List.of("pain"), null))).invitation();
    }

    @Test
    void anAccountBlockKeepsEveryPersonaOfTheAccountOutOfScenesWithTheBlocker() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            var second = (ServerMessage.PersonaInfo) bob.request(id -> new ClientMessage.PersonaCreate(id, TestServer.uniqueName("Bobby"),
                    null, null, null));
            block(alice, bob, BlockScope.ACCOUNT);
            Views.Scene scene = bob.createScene();
            bob.request(id -> new ClientMessage.SceneInvite(id, scene.id(), bob.persona.id(), alice.persona.id(), "hi"));
            assertThat(alice.events.poll(300, TimeUnit.MILLISECONDS)).isNull();
            // The account's other persona cannot reach Alice with a scene of its own either.
            var secondsScene = (ServerMessage.SceneInfo) bob.request(id -> new ClientMessage.SceneCreate(id, second.persona().id()));
            bob.request(id -> new ClientMessage.SceneInvite(id, secondsScene.scene().id(), second.persona().id(), alice.persona.id(), "hi"));
            assertThat(alice.events.poll(300, TimeUnit.MILLISECONDS)).isNull();
            assertThat(bob.refusal(id -> new ClientMessage.KeyPackagesClaim(id, secondsScene.scene().id(), alice.persona.id())))
                    .isEqualTo("not_invited");
            // Every persona of the account is covered, those made after the block too.
            var third = (ServerMessage.PersonaInfo) bob.request(id -> new ClientMessage.PersonaCreate(id, TestServer.uniqueName("Bo"),
                    null, null, null));
            Views.Scene own = alice.createScene();
            for (Views.Persona persona : List.of(second.persona(), third.persona())) {
                alice.request(id -> new ClientMessage.SceneInvite(id, own.id(), alice.persona.id(), persona.id(), "hm"));
            }
            assertThat(bob.events.poll(300, TimeUnit.MILLISECONDS)).isNull();
            assertThat(((ServerMessage.Invitations) bob.request(ClientMessage.InvitationList::new)).received()).isEmpty();
        }
    }

    @Test
    void nobodyIsInvitedWhereAMemberBlocksThemAndABlockAfterAcceptingStopsTheAdd() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob");
             var carol = new RawDevice(server(), "Carol")) {
            // Carol's scene with Alice in it.
            Views.Scene scene = carol.createScene();
            add(carol, alice, scene);
            block(alice, bob, BlockScope.PERSONA);
            // Carol, who blocks nobody, invites Bob: Bob never hears of it, and Carol sees a plain pending invitation.
            var sent = (ServerMessage.InvitationInfo) carol.request(id -> new ClientMessage.SceneInvite(id, scene.id(),
                    carol.persona.id(), bob.persona.id(), "join us"));
            assertThat(sent.invitation().status()).isEqualTo("pending");
            assertThat(bob.events.poll(300, TimeUnit.MILLISECONDS)).isNull();
            assertThat(carol.refusal(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), bob.persona.id()))).isEqualTo("not_invited");

            // A block made after an invitation was accepted and KeyPackages were claimed still stops the Add.
            Views.Scene other = carol.createScene();
            String invitation = SceneConsentTest.invite(carol, bob, other.id());
            bob.request(id -> new ClientMessage.InvitationAccept(id, invitation, List.of(), "red"));
            var claimed = (ServerMessage.KeyPackages) carol.request(id -> new ClientMessage.KeyPackagesClaim(id, other.id(), bob.persona.id()));
            Mls.Group group = carol.mls.group(other.id());
            Mls.Commit adding = group.commit(List.of(Base64.getDecoder().decode(claimed.keyPackages().getFirst().keyPackage())), List.of());
            group.discard();
            block(bob, carol, BlockScope.PERSONA);
            assertThat(carol.sendRefused(other.id(), adding.message(), adding.welcome())).isEqualTo("not_invited");
            assertThat(carol.refusal(id -> new ClientMessage.KeyPackagesClaim(id, other.id(), bob.persona.id()))).isEqualTo("not_invited");
            bob.hearsNoSceneMessageFor(java.time.Duration.ofMillis(300));
        }
    }

    @Test
    void aPendingInvitationFromSomeoneBlockedLaterCannotBeAccepted() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            Views.Scene scene = bob.createScene();
            String invitation = SceneConsentTest.invite(bob, alice, scene.id());
            block(alice, bob, BlockScope.PERSONA);
            assertThat(((ServerMessage.Invitations) alice.request(ClientMessage.InvitationList::new)).received()).isEmpty();
            assertThat(alice.refusal(id -> new ClientMessage.InvitationAccept(id, invitation, List.of(), "red"))).isEqualTo("not_found");
        }
    }

    @Test
    void aMuteSwallowsInvitationsFromTheMutedPersonaOnly() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob");
             var carol = new RawDevice(server(), "Carol")) {
            alice.request(id -> new ClientMessage.Mute(id, bob.persona.id()));
            Views.Scene scene = bob.createScene();
            bob.request(id -> new ClientMessage.SceneInvite(id, scene.id(), bob.persona.id(), alice.persona.id(), "hi"));
            assertThat(alice.events.poll(300, TimeUnit.MILLISECONDS)).isNull();
            Views.Scene carols = carol.createScene();
            SceneConsentTest.invite(carol, alice, carols.id());
        }
    }

    @Test
    void withTheJavaClientABlockStopsNewScenesAndLeavesASharedOneAsItIs() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice"); var bob = SceneMember.join(server(), "Bob");
             var carol = SceneMember.join(server(), "Carol")) {
            Views.Scene shared = alice.sceneWith(bob);
            assertThat(alice.client().block(bob.persona().id(), BlockScope.ACCOUNT)).singleElement()
                    .satisfies(entry -> assertThat(entry.scope()).isEqualTo(BlockScope.ACCOUNT));
            // The scene they already share goes on until someone leaves it or uses the safeword.
            bob.client().say(shared.id(), "still here");
            assertThat(alice.heard()).isEqualTo("still here");

            Views.Scene carols = carol.sceneWith(alice);
            carol.client().invite(carols.id(), carol.persona().id(), bob.persona().id(), "join us?");
            assertThat(bob.client().invitations().received()).isEmpty();

            assertThat(alice.client().unblock(bob.persona().id())).isEmpty();
            assertThat(alice.client().blocks()).isEmpty();
            Views.Scene later = carol.sceneWith(alice, bob);
            assertThat(bob.client().scenes()).extracting(Views.Scene::id).contains(later.id());
        }
    }

    private static void block(RawDevice blocker, RawDevice blocked, BlockScope scope) {
        blocker.request(id -> new ClientMessage.Block(id, blocked.persona.id(), scope));
    }

    /** Invites, accepts, claims and commits the Add, as a well-behaved client would. */
    private static void add(RawDevice member, RawDevice joining, Views.Scene scene) throws Exception {
        String invitation = SceneConsentTest.invite(member, joining, scene.id());
        joining.request(id -> new ClientMessage.InvitationAccept(id, invitation, List.of(), "red"));
        var claimed = (ServerMessage.KeyPackages) member.request(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), joining.persona.id()));
        Mls.Group group = member.mls.group(scene.id());
        Mls.Commit commit = group.commit(List.of(Base64.getDecoder().decode(claimed.keyPackages().getFirst().keyPackage())), List.of());
        member.send(scene.id(), commit.message(), commit.welcome());
        group.confirm();
        joining.handleNext();
    }
}
