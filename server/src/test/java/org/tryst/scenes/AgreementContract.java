package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.client.RequestFailed;
import org.tryst.client.SceneEvent;
import org.tryst.client.mls.Mls;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BoundaryMatch;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * An invitation proposes topics and a safeword word, shows both personas' boundaries side by side
 * with what needs talking about flagged, and is accepted exactly as proposed or not at all. The
 * accepted set is the scene's agreement, which every member sees; nobody is added without it.
 * Runs on SQLite and on PostgreSQL.
 */
abstract class AgreementContract {
    private static final List<String> PROPOSED = List.of("pain", "romance", "restraint");

    abstract TestServer server();

    @Test
    void anInvitationShowsBothSidesWithTheMismatchesFlagged() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            boundaries(alice, Map.of("pain", Answer.YES, "romance", Answer.YES, "degradation", Answer.NO), "gentle please");
            boundaries(bob, Map.of("pain", Answer.NO, "restraint", Answer.MAYBE, "degradation", Answer.YES), "no real names");
            Views.Scene scene = alice.createScene();
            var sent = (ServerMessage.InvitationInfo) alice.request(id -> new ClientMessage.SceneInvite(id, scene.id(), alice.persona.id(),
                    bob.persona.id(), "tea?", PROPOSED, "pineapple"));
            Views.Invitation received = bob.next(ServerMessage.InvitationReceived.class).invitation();

            for (Views.Invitation invitation : List.of(sent.invitation(), received)) {
                assertThat(invitation.topics()).containsExactly("romance", "restraint", "pain");
                assertThat(invitation.safeword()).isEqualTo("pineapple");
                assertThat(invitation.fromNotes()).isEqualTo("gentle please");
                assertThat(invitation.toNotes()).isEqualTo("no real names");
                assertThat(invitation.matches()).containsExactly(
                        new Views.TopicMatch("romance", Answer.YES, null, true, List.of()),
                        new Views.TopicMatch("degradation", Answer.NO, Answer.YES, false, List.of(BoundaryMatch.MISMATCH)),
                        new Views.TopicMatch("restraint", null, Answer.MAYBE, true, List.of(BoundaryMatch.PROPOSED_MAYBE)),
                        new Views.TopicMatch("pain", Answer.YES, Answer.NO, true, List.of(BoundaryMatch.MISMATCH, BoundaryMatch.PROPOSED_NO)));
            }
        }
    }

    @Test
    void acceptingAnythingButWhatWasProposedIsRefusedAndChangesNothing() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            Views.Scene scene = alice.createScene();
            Views.Invitation invitation = invite(alice, bob, scene.id(), PROPOSED, "pineapple");

            assertThat(bob.refusal(id -> new ClientMessage.InvitationAccept(id, invitation.id(), List.of("romance"), "pineapple")))
                    .isEqualTo("agreement_mismatch");
            assertThat(bob.refusal(id -> new ClientMessage.InvitationAccept(id, invitation.id(), List.of("romance", "restraint", "pain", "praise"),
                    "pineapple"))).isEqualTo("agreement_mismatch");
            assertThat(bob.refusal(id -> new ClientMessage.InvitationAccept(id, invitation.id(), PROPOSED, "red"))).isEqualTo("agreement_mismatch");
            var listed = (ServerMessage.Invitations) bob.request(ClientMessage.InvitationList::new);
            assertThat(listed.received()).singleElement().extracting(Views.Invitation::status).isEqualTo("pending");
            assertThat(alice.refusal(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), bob.persona.id()))).isEqualTo("not_invited");
            assertThat(sceneOf(alice, scene.id()).agreement()).isNull();

            // The same set in another order, and the word in another case, is the same agreement.
            bob.request(id -> new ClientMessage.InvitationAccept(id, invitation.id(), List.of("restraint", "pain", "romance"), "PINEAPPLE"));
            Views.Agreement agreement = sceneOf(alice, scene.id()).agreement();
            assertThat(agreement.topics()).containsExactly("romance", "restraint", "pain");
            assertThat(agreement.safeword()).isEqualTo("pineapple");
            assertThat(agreement.agreedBy()).extracting(agreed -> agreed.persona().id()).containsExactly(alice.persona.id(), bob.persona.id());
        }
    }

    @Test
    void aSceneCannotStartWithoutTheAgreementWhateverTheClientSends() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob"); var wire = server().connect(bob.user)) {
            Views.Scene scene = alice.createScene();
            Views.Invitation invitation = invite(alice, bob, scene.id(), PROPOSED, null);
            assertThat(invitation.safeword()).isEqualTo("red");

            // A modified client that says yes without saying to what.
            wire.sendJson("{\"type\":\"invitation.accept\",\"id\":\"a1\",\"invitation\":\"" + invitation.id() + "\"}");
            wire.expectError("invalid_message");
            wire.sendJson("{\"type\":\"invitation.accept\",\"id\":\"a2\",\"invitation\":\"" + invitation.id() + "\",\"topics\":[],\"safeword\":\"red\"}");
            wire.expectError("agreement_mismatch");
            wire.sendJson("{\"type\":\"invitation.accept\",\"id\":\"a3\",\"invitation\":\"" + invitation.id() + "\",\"topics\":[\"romance\",\"romance\"],\"safeword\":\"red\"}");
            wire.expectError("invalid_message");

            // No KeyPackage is handed out, and an Add with a KeyPackage got some other way is refused.
            assertThat(alice.refusal(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), bob.persona.id()))).isEqualTo("not_invited");
            Mls.Group group = alice.mls.group(scene.id());
            Mls.Commit add = group.commit(List.of(bob.mls.newKeyPackage(bob.persona.id())), List.of());
            group.discard();
            assertThat(alice.sendRefused(scene.id(), add.message(), add.welcome())).isEqualTo("not_invited");

            // Even an invitation marked accepted behind the agreement's back (as by a fault) admits nobody.
            try (var sql = server().database(); var update = sql.prepareStatement("UPDATE invitations SET status = 'accepted' WHERE id = ?")) {
                update.setString(1, invitation.id());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            assertThat(alice.refusal(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), bob.persona.id()))).isEqualTo("not_invited");
        }
    }

    @Test
    void theAgreementIsPartOfTheSceneAndEveryMemberSeesIt() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice"); var bob = SceneMember.join(server(), "Bob"); var carol = SceneMember.join(server(), "Carol");
             var dan = SceneMember.join(server(), "Dan")) {
            Views.Scene scene = alice.client().createScene(alice.persona().id());
            alice.client().invite(scene.id(), alice.persona().id(), bob.persona().id(), "tea?", List.of("praise", "romance"), "Lighthouse");
            bob.client().accept(bob.next(SceneEvent.Invited.class).invitation());
            bob.next(SceneEvent.Joined.class);
            alice.next(SceneEvent.NewEpoch.class);

            // A later invitation proposes the scene's agreement; it may not propose anything else.
            assertThatThrownBy(() -> bob.client().invite(scene.id(), bob.persona().id(), dan.persona().id(), null, List.of("pain"), null))
                    .isInstanceOfSatisfying(RequestFailed.class, refused -> assertThat(refused.code()).isEqualTo("agreement_mismatch"));
            bob.client().invite(scene.id(), bob.persona().id(), carol.persona().id(), "join us?");
            Views.Invitation toCarol = carol.next(SceneEvent.Invited.class).invitation();
            assertThat(toCarol.topics()).containsExactly("romance", "praise");
            assertThat(toCarol.safeword()).isEqualTo("Lighthouse");
            carol.client().accept(toCarol);
            carol.next(SceneEvent.Joined.class);

            for (SceneMember member : List.of(alice, bob, carol)) {
                Views.Agreement agreement = member.client().scenes().stream().filter(s -> s.id().equals(scene.id())).findFirst().orElseThrow().agreement();
                assertThat(agreement.topics()).containsExactly("romance", "praise");
                assertThat(agreement.safeword()).isEqualTo("Lighthouse");
                assertThat(agreement.agreedBy()).extracting(agreed -> agreed.persona().name())
                        .containsExactly(alice.persona().name(), bob.persona().name(), carol.persona().name());
                assertThat(agreement.agreedBy()).allSatisfy(agreed -> assertThat(agreed.at()).isPositive());
            }
        }
    }

    @Test
    void anInvitationMayNotProposeTopicsTheCatalogueLacksOrTooMany() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob"); var wire = server().connect(alice.user)) {
            Views.Scene scene = alice.createScene();
            assertThat(alice.refusal(id -> new ClientMessage.SceneInvite(id, scene.id(), alice.persona.id(), bob.persona.id(), null,
                    List.of("romance", "underwater-basket-weaving"), null))).isEqualTo("unknown_topic");
            String tooMany = String.join(",", java.util.stream.IntStream.rangeClosed(0, ClientMessage.MAX_TOPICS).mapToObj(i -> "\"t" + i + "\"").toList());
            wire.sendJson("{\"type\":\"scene.invite\",\"id\":\"i1\",\"scene\":\"" + scene.id() + "\",\"persona\":\"" + alice.persona.id()
                    + "\",\"invitee\":\"" + bob.persona.id() + "\",\"topics\":[" + tooMany + "]}");
            wire.expectError("invalid_message");
            wire.sendJson("{\"type\":\"scene.invite\",\"id\":\"i2\",\"scene\":\"" + scene.id() + "\",\"persona\":\"" + alice.persona.id()
                    + "\",\"invitee\":\"" + bob.persona.id() + "\",\"safeword\":\"  \"}");
            wire.expectError("invalid_message");
            wire.sendJson("{\"type\":\"scene.invite\",\"id\":\"i3\",\"scene\":\"" + scene.id() + "\",\"persona\":\"" + alice.persona.id()
                    + "\",\"invitee\":\"" + bob.persona.id() + "\",\"safeword\":\"" + "s".repeat(33) + "\"}");
            wire.expectError("invalid_message");
            assertThat(((ServerMessage.Invitations) bob.request(ClientMessage.InvitationList::new)).received()).isEmpty();
        }
    }

    @Test
    void aNewProposalReplacesOneNobodyAcceptedAndLaterOnesFollowTheAgreement() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob"); var carol = new RawDevice(server(), "Carol")) {
            Views.Scene scene = alice.createScene();
            Views.Invitation toBob = invite(alice, bob, scene.id(), List.of("romance"), null);
            Views.Invitation toCarol = invite(alice, carol, scene.id(), List.of("praise"), "lighthouse");
            // Asking again with the same proposal answers the open invitation; a new proposal replaces it.
            alice.request(id -> new ClientMessage.SceneInvite(id, scene.id(), alice.persona.id(), carol.persona.id(), "hello",
                    List.of("praise"), "lighthouse"));
            Views.Invitation changed = invite(alice, carol, scene.id(), List.of("praise", "romance"), "lighthouse");
            assertThat(changed.id()).isNotEqualTo(toCarol.id());
            assertThat(carol.refusal(id -> ClientMessage.InvitationAccept.of(id, toCarol))).isEqualTo("not_found");

            // Bob accepts first: the scene agrees to romance, and Carol's proposal no longer fits.
            bob.request(id -> ClientMessage.InvitationAccept.of(id, toBob));
            assertThat(carol.refusal(id -> ClientMessage.InvitationAccept.of(id, changed))).isEqualTo("agreement_mismatch");
            Views.Invitation again = invite(alice, carol, scene.id(), null, null);
            assertThat(again.topics()).containsExactly("romance");
            assertThat(again.safeword()).isEqualTo("red");
            carol.request(id -> ClientMessage.InvitationAccept.of(id, again));
            assertThat(sceneOf(alice, scene.id()).agreement().agreedBy()).extracting(agreed -> agreed.persona().id())
                    .containsExactly(alice.persona.id(), bob.persona.id(), carol.persona.id());
        }
    }

    private static void boundaries(RawDevice device, Map<String, Answer> answers, String notes) {
        device.request(id -> new ClientMessage.BoundariesSet(id, device.persona.id(), answers, notes));
    }

    private static Views.Invitation invite(RawDevice from, RawDevice to, String sceneId, List<String> topics, String safeword)
            throws InterruptedException {
        from.request(id -> new ClientMessage.SceneInvite(id, sceneId, from.persona.id(), to.persona.id(), "hello", topics, safeword));
        return to.next(ServerMessage.InvitationReceived.class).invitation();
    }

    private static Views.Scene sceneOf(RawDevice member, String sceneId) {
        return ((ServerMessage.Scenes) member.request(ClientMessage.SceneList::new)).scenes().stream()
                .filter(scene -> scene.id().equals(sceneId)).findFirst().orElseThrow();
    }
}
