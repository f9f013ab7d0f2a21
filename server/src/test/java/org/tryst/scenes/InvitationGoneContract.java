package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.client.mls.Mls;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.ServerMessage.InvitationGone.Why;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * An invitation that leaves an account's list leaves it on every socket of that account at once,
 * whatever the process: the invitee's other device when it is answered, the inviter's once the
 * invitee is in the scene, both when it is withdrawn or expires. A decline never reaches the
 * inviter, and no third account hears anything. Each side watches from a plain second socket.
 */
abstract class InvitationGoneContract {
    /** How long an account outside an invitation is watched for a stray event, after everyone else heard theirs. */
    private static final Duration QUIET = Duration.ofMillis(300);
    static final MutableClock clock = new MutableClock();

    abstract TestServer server();

    /** Two accounts with a device each, a second socket of each, and a third account watching. */
    private final class Sides implements AutoCloseable {
        final RawDevice inviter = new RawDevice(server(), "Rowan");
        final RawDevice invitee = new RawDevice(server(), "Sage");
        final Wire inviterElsewhere = server().connect(inviter.user);
        final Wire inviteeElsewhere = server().connect(invitee.user);
        final Wire third = server().connect(server().register("wren"));

        /** Invites the invitee into a new scene of the inviter's; the invitation's id, once the invitee's other socket has it. */
        String invite(Views.Scene scene) throws InterruptedException {
            return invite(scene, "tea?", null);
        }

        String invite(Views.Scene scene, String note, String safeword) throws InterruptedException {
            inviter.request(id -> new ClientMessage.SceneInvite(id, scene.id(), inviter.persona.id(), invitee.persona.id(), note, null, safeword));
            String invitation = invitee.next(ServerMessage.InvitationReceived.class).invitation().id();
            inviteeElsewhere.expect(ServerMessage.InvitationReceived.class, received -> received.invitation().id().equals(invitation));
            return invitation;
        }

        /** Fails unless nothing reached the third account, checked after everyone else heard what they should. */
        void thirdHeardNothing() {
            third.expectNothing(QUIET);
        }

        @Override
        public void close() {
            inviter.close();
            invitee.close();
            inviterElsewhere.close();
            inviteeElsewhere.close();
            third.close();
        }
    }

    private static ServerMessage.InvitationGone gone(Wire wire, String invitation) {
        return wire.expect(ServerMessage.InvitationGone.class, gone -> gone.invitation().equals(invitation));
    }

    private static List<Views.Invitation> sent(RawDevice device) {
        return ((ServerMessage.Invitations) device.request(ClientMessage.InvitationList::new)).sent();
    }

    private static List<Views.Invitation> received(RawDevice device) {
        return ((ServerMessage.Invitations) device.request(ClientMessage.InvitationList::new)).received();
    }

    @Test
    void acceptedItLeavesTheInviteesOtherDeviceAtOnceAndTheInvitersListOnceTheInviteeIsIn() throws Exception {
        try (var sides = new Sides()) {
            Views.Scene scene = sides.inviter.createScene();
            String invitation = sides.invite(scene);
            sides.invitee.request(id -> new ClientMessage.InvitationAccept(id, invitation, List.of(), "red"));
            assertThat(gone(sides.inviteeElsewhere, invitation).why()).isEqualTo(Why.ACCEPTED);
            assertThat(received(sides.invitee)).isEmpty();

            // Until the invitee is added, the inviter's list shows it accepted; its other socket hears the acceptance, not a going.
            sides.inviterElsewhere.expect(ServerMessage.InvitationAccepted.class);
            assertThat(sent(sides.inviter)).extracting(Views.Invitation::status).containsExactly("accepted");
            var claimed = (ServerMessage.KeyPackages) sides.inviter.request(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(),
                    sides.invitee.persona.id()));
            Mls.Group group = sides.inviter.mls.group(scene.id());
            Mls.Commit add = group.commit(List.of(Base64.getDecoder().decode(claimed.keyPackages().getFirst().keyPackage())), List.of());
            sides.inviter.send(scene.id(), add.message(), add.welcome());
            group.confirm();
            assertThat(gone(sides.inviterElsewhere, invitation).why()).isEqualTo(Why.ACCEPTED);
            assertThat(sides.inviter.next(ServerMessage.InvitationGone.class).invitation()).isEqualTo(invitation);
            assertThat(sent(sides.inviter)).isEmpty();
            // The invitee heard of it once, at the accept: its list never showed it again.
            sides.inviteeElsewhere.expectNo(ServerMessage.InvitationGone.class, QUIET);
            sides.thirdHeardNothing();
        }
    }

    @Test
    void declinedItLeavesTheInviteesOtherDeviceAndNeverReachesTheInviter() throws Exception {
        try (var sides = new Sides()) {
            String invitation = sides.invite(sides.inviter.createScene());
            sides.invitee.request(id -> new ClientMessage.InvitationDecline(id, invitation));
            assertThat(gone(sides.inviteeElsewhere, invitation).why()).isEqualTo(Why.DECLINED);
            assertThat(sent(sides.inviter)).extracting(Views.Invitation::status).as("a decline looks unanswered").containsExactly("pending");

            // The first the inviter hears is the expiry, as of an invitation nobody answered; the invitee hears nothing more.
            clock.advance(Duration.ofMinutes(61));
            assertThat(sides.inviterElsewhere.expect(ServerMessage.InvitationGone.class).why()).isEqualTo(Why.EXPIRED);
            assertThat(sides.inviter.next(ServerMessage.InvitationGone.class)).isEqualTo(new ServerMessage.InvitationGone(invitation, Why.EXPIRED));
            sides.inviteeElsewhere.expectNo(ServerMessage.InvitationGone.class, QUIET);
            sides.thirdHeardNothing();
        }
    }

    @Test
    void expiredItLeavesBothSidesEverySocketThroughTheSweep() throws Exception {
        try (var sides = new Sides()) {
            String invitation = sides.invite(sides.inviter.createScene());
            clock.advance(Duration.ofMinutes(61));
            assertThat(gone(sides.inviteeElsewhere, invitation).why()).isEqualTo(Why.EXPIRED);
            assertThat(gone(sides.inviterElsewhere, invitation).why()).isEqualTo(Why.EXPIRED);
            assertThat(sides.invitee.next(ServerMessage.InvitationGone.class).invitation()).isEqualTo(invitation);
            assertThat(received(sides.invitee)).isEmpty();
            assertThat(sent(sides.inviter)).isEmpty();
            // Every process sweeps, and each expired invitation is told of once.
            sides.inviteeElsewhere.expectNo(ServerMessage.InvitationGone.class, QUIET);
            sides.inviterElsewhere.expectNo(ServerMessage.InvitationGone.class, Duration.ZERO);
            sides.thirdHeardNothing();
        }
    }

    @Test
    void aNewProposalWithdrawsTheOpenInvitationOnBothSides() throws Exception {
        try (var sides = new Sides()) {
            Views.Scene scene = sides.inviter.createScene();
            String first = sides.invite(scene);
            String second = sides.invite(scene, "tea after all?", "lighthouse");
            assertThat(second).isNotEqualTo(first);
            assertThat(gone(sides.inviteeElsewhere, first).why()).isEqualTo(Why.WITHDRAWN);
            assertThat(gone(sides.inviterElsewhere, first).why()).isEqualTo(Why.WITHDRAWN);
            assertThat(received(sides.invitee)).extracting(Views.Invitation::id).containsExactly(second);
            sides.thirdHeardNothing();
        }
    }

    @Test
    void anInvitationIntoASceneThatEndedOrToAPersonaDeletedIsWithdrawn() throws Exception {
        try (var sides = new Sides()) {
            Views.Scene left = sides.inviter.createScene();
            String intoLeft = sides.invite(left);
            // The inviter was the scene's only member: leaving ends it.
            sides.inviter.request(id -> new ClientMessage.SceneLeave(id, left.id(), sides.inviter.persona.id()));
            assertThat(gone(sides.inviteeElsewhere, intoLeft).why()).isEqualTo(Why.WITHDRAWN);
            assertThat(gone(sides.inviterElsewhere, intoLeft).why()).isEqualTo(Why.WITHDRAWN);

            Views.Scene safeworded = sides.inviter.createScene();
            String intoSafeworded = sides.invite(safeworded);
            sides.inviter.request(id -> new ClientMessage.Safeword(id, safeworded.id(), sides.inviter.persona.id(), 0));
            assertThat(gone(sides.inviteeElsewhere, intoSafeworded).why()).isEqualTo(Why.WITHDRAWN);
            assertThat(gone(sides.inviterElsewhere, intoSafeworded).why()).isEqualTo(Why.WITHDRAWN);

            // The scene stays, but the persona invited into it is deleted.
            String toDeleted = sides.invite(sides.inviter.createScene());
            sides.invitee.request(id -> new ClientMessage.PersonaDelete(id, sides.invitee.persona.id()));
            assertThat(gone(sides.inviterElsewhere, toDeleted).why()).isEqualTo(Why.WITHDRAWN);
            assertThat(gone(sides.inviteeElsewhere, toDeleted).why()).isEqualTo(Why.WITHDRAWN);
            assertThat(sent(sides.inviter)).isEmpty();
            sides.thirdHeardNothing();
        }
    }

    @Test
    void whatCannotBeAnsweredIsRefusedAndTellsNobody() throws Exception {
        try (var sides = new Sides()) {
            String invitation = sides.invite(sides.inviter.createScene());
            // Someone else's invitation, an unknown one, and the inviter answering its own: refused as unknown, and nothing goes.
            var stranger = new RawDevice(server(), "Mallory");
            try (stranger) {
                assertThat(stranger.refusal(id -> new ClientMessage.InvitationDecline(id, invitation))).isEqualTo("not_found");
                assertThat(stranger.refusal(id -> new ClientMessage.InvitationAccept(id, invitation, List.of(), "red"))).isEqualTo("not_found");
            }
            assertThat(sides.inviter.refusal(id -> new ClientMessage.InvitationDecline(id, invitation))).isEqualTo("not_found");
            assertThat(sides.invitee.refusal(id -> new ClientMessage.InvitationDecline(id, "no-such-invitation"))).isEqualTo("not_found");
            // Accepting something else than it proposes changes nothing either.
            assertThat(sides.invitee.refusal(id -> new ClientMessage.InvitationAccept(id, invitation, List.of(), "pineapple")))
                    .isEqualTo("agreement_mismatch");
            assertThat(received(sides.invitee)).extracting(Views.Invitation::id).containsExactly(invitation);
            assertThat(sent(sides.inviter)).extracting(Views.Invitation::status).containsExactly("pending");

            // The first going either side hears is that of the real answer.
            sides.invitee.request(id -> new ClientMessage.InvitationDecline(id, invitation));
            assertThat(sides.inviteeElsewhere.expect(ServerMessage.InvitationGone.class))
                    .isEqualTo(new ServerMessage.InvitationGone(invitation, Why.DECLINED));
            sides.inviterElsewhere.expectNo(ServerMessage.InvitationGone.class, QUIET);
            sides.thirdHeardNothing();
        }
    }
}
