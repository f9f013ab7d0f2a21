package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.client.mls.Mls;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Invitation is consent, enforced by the server against a modified client: nobody is added to a
 * scene, and no Welcome reaches anyone, without an accepted invitation into that very scene.
 */
abstract class SceneConsentContract {
    abstract TestServer server();

    @Test
    void keyPackagesAreHandedOutOnlyForAnAcceptedInvitation() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            Views.Scene scene = alice.createScene();
            assertThat(alice.refusal(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), bob.persona.id()))).isEqualTo("not_invited");
            invite(alice, bob, scene.id());
            assertThat(alice.refusal(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), bob.persona.id()))).isEqualTo("not_invited");
        }
    }

    @Test
    void aDeclineLooksLikeNoAnswerAndAddsNobody() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            Views.Scene scene = alice.createScene();
            String invitation = invite(alice, bob, scene.id());
            bob.request(id -> new ClientMessage.InvitationDecline(id, invitation));
            // Bob's own sockets hear the invitation leave his list; nothing of it reaches Alice.
            assertThat(bob.next(ServerMessage.InvitationGone.class).why()).isEqualTo(ServerMessage.InvitationGone.Why.DECLINED);
            var listed = (ServerMessage.Invitations) alice.request(ClientMessage.InvitationList::new);
            assertThat(listed.sent()).extracting(Views.Invitation::status).containsExactly("pending");
            assertThat(((ServerMessage.Invitations) bob.request(ClientMessage.InvitationList::new)).received()).isEmpty();
            assertThat(alice.refusal(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), bob.persona.id()))).isEqualTo("not_invited");
            // Asking again neither reveals the decline nor nags Bob.
            alice.request(id -> new ClientMessage.SceneInvite(id, scene.id(), alice.persona.id(), bob.persona.id(), "again?"));
            assertThat(bob.events.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void aCommitAddingSomeoneWithoutAnAcceptedInvitationIsRefused() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            Views.Scene scene = alice.createScene();
            Mls.Group group = alice.mls.group(scene.id());
            // A KeyPackage Bob handed over out of band, never claimed through the server().
            Mls.Commit unclaimed = group.commit(List.of(bob.mls.newKeyPackage(bob.persona.id())), List.of());
            group.discard();
            assertThat(alice.sendRefused(scene.id(), unclaimed.message(), unclaimed.welcome())).isEqualTo("not_invited");

            // A KeyPackage claimed for another scene, where Bob did accept.
            Views.Scene other = alice.createScene();
            String invitation = invite(alice, bob, other.id());
            bob.request(id -> new ClientMessage.InvitationAccept(id, invitation, List.of(), "red"));
            var claimed = (ServerMessage.KeyPackages) alice.request(id -> new ClientMessage.KeyPackagesClaim(id, other.id(), bob.persona.id()));
            byte[] forOther = Base64.getDecoder().decode(claimed.keyPackages().getFirst().keyPackage());
            Mls.Commit elsewhere = group.commit(List.of(forOther), List.of());
            group.discard();
            assertThat(alice.sendRefused(scene.id(), elsewhere.message(), elsewhere.welcome())).isEqualTo("not_invited");

            // In the right scene it works, but not without the Welcome, nor with a Welcome for someone else.
            Mls.Group otherGroup = alice.mls.group(other.id());
            Mls.Commit proper = otherGroup.commit(List.of(forOther), List.of());
            assertThat(alice.sendRefused(other.id(), proper.message(), null)).isEqualTo("not_invited");
            Mls.Commit stray = group.commit(List.of(bob.mls.newKeyPackage(bob.persona.id())), List.of());
            group.discard();
            assertThat(alice.sendRefused(other.id(), proper.message(), stray.welcome())).isEqualTo("not_invited");
            assertThat(bob.events.stream().filter(event -> event instanceof ServerMessage.SceneDelivery)).isEmpty();

            alice.send(other.id(), proper.message(), proper.welcome());
            otherGroup.confirm();
            assertThat(bob.nextSceneMessage().kind()).isEqualTo("welcome");

            // A Welcome rides only with a commit that adds someone.
            Mls.Commit empty = otherGroup.commit(List.of(), List.of());
            otherGroup.discard();
            assertThat(alice.sendRefused(other.id(), empty.message(), proper.welcome())).isEqualTo("bad_mls");
        }
    }

    @Test
    void eachKeyPackageIsHandedOutOnceThenTheLastResortAndTheDeviceIsAskedForMore() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            List<String> handedOut = new java.util.ArrayList<>();
            List<Integer> left = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Views.Scene scene = alice.createScene();
                String invitation = invite(alice, bob, scene.id());
                bob.request(id -> new ClientMessage.InvitationAccept(id, invitation, List.of(), "red"));
                var claimed = (ServerMessage.KeyPackages) alice.request(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), bob.persona.id()));
                assertThat(claimed.keyPackages()).singleElement().extracting(Views.DeviceKeyPackage::device).isEqualTo(bob.device);
                handedOut.add(claimed.keyPackages().getFirst().keyPackage());
                left.add(bob.next(ServerMessage.KeyPackagesLow.class).available());
            }
            assertThat(handedOut.subList(0, 3)).doesNotHaveDuplicates();
            assertThat(handedOut.get(3)).isEqualTo(handedOut.get(2));
            assertThat(left).containsExactly(1, 0, 0, 0);
        }
    }

    static String invite(RawDevice from, RawDevice to, String sceneId) throws InterruptedException {
        from.request(id -> new ClientMessage.SceneInvite(id, sceneId, from.persona.id(), to.persona.id(), "hello"));
        return to.next(ServerMessage.InvitationReceived.class).invitation().id();
    }
}
