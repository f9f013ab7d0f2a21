package org.tryst.scenes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.cluster.Sight;
import org.tryst.personas.Personas;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.ServerMessage.InvitationGone.Why;

/**
 * Tells every socket of an account, on every process, that an invitation left its list, at the
 * moment it leaves: the invitee's when it is answered, the inviter's when the invitee is in the
 * scene, both when it no longer stands. The inviter is never told of a decline, and the invitee
 * never of an invitation it was not shown.
 */
final class InvitationNews {
    private final Personas personas;
    private final Delivery delivery;

    InvitationNews(Personas personas, Delivery delivery) {
        this.personas = personas;
        this.delivery = delivery;
    }

    /** The invitee answered (accepted or declined): its account's other sockets drop the invitation. */
    void answered(String inviteeAccount, String invitationId, Why why) {
        tell(inviteeAccount, new ServerMessage.InvitationGone(invitationId, why));
    }

    /** The invitees of these accepted invitations are in their scenes now: the inviters' lists, which showed them accepted, drop them. */
    void added(List<Invitations.Invitation> fulfilled) {
        for (Invitations.Invitation invitation : fulfilled) {
            personas.byId(invitation.inviter()).ifPresent(inviter ->
                    tell(inviter.accountId(), new ServerMessage.InvitationGone(invitation.id(), Why.ACCEPTED)));
        }
    }

    /**
     * Invitations that no longer stand leave the lists that showed them: the inviter's, which shows
     * every invitation it sent (a declined one as unanswered), and the invitee's while the invitation
     * waited for its answer. An account on both sides hears it once.
     */
    void ended(List<Invitations.Ended> ended) {
        for (Invitations.Ended end : ended) {
            Invitations.Invitation invitation = end.invitation();
            Set<String> accounts = new HashSet<>();
            personas.byId(invitation.inviter()).ifPresent(inviter -> accounts.add(inviter.accountId()));
            if (invitation.openToInvitee()) personas.byId(invitation.invitee()).ifPresent(invitee -> accounts.add(invitee.accountId()));
            ServerMessage gone = new ServerMessage.InvitationGone(invitation.id(), end.why());
            accounts.forEach(account -> tell(account, gone));
        }
    }

    private void tell(String accountId, ServerMessage message) {
        delivery.publish(new Event.Tell(new Audience.Account(accountId), message, Sight.ANYONE));
    }
}
