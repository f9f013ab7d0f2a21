package org.tryst.scenes;

import java.util.Base64;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.tryst.consent.Boundaries;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.Views;
import org.tryst.scenes.SceneStore.Stored;

/** How scenes, invitations and relayed messages look on the wire: personas by id and name, bytes in base64. */
final class SceneViews {
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final Personas personas;
    private final Boundaries boundaries;
    private final String externalSender;
    private final Transcripts transcripts;

    SceneViews(Personas personas, Boundaries boundaries, byte[] externalSenderKey, Transcripts transcripts) {
        this.personas = personas;
        this.boundaries = boundaries;
        this.externalSender = BASE64.encodeToString(externalSenderKey);
        this.transcripts = transcripts;
    }

    Views.Scene scene(Handle handle, SceneStore.Scene scene) {
        List<Views.Author> members = SceneStore.memberIds(handle, scene.id()).stream().map(this::author).toList();
        List<Views.TimerChoice> choices = handle.createQuery("""
                        SELECT persona_id, timer_choice FROM scene_members WHERE scene_id = :scene AND timer_choice IS NOT NULL
                        ORDER BY persona_id""")
                .bind("scene", scene.id())
                .map((rs, ctx) -> new Views.TimerChoice(rs.getString("persona_id"), rs.getLong("timer_choice"))).list();
        return new Views.Scene(scene.id(), members, scene.epoch(), scene.timerSeconds(), choices, externalSender, scene.createdAt(),
                agreement(handle, scene.id()), transcripts.view(handle, scene.id(), this), scene.setting().orElse(null));
    }

    /** The scene's agreement, or null before any invitation into it was accepted. */
    private Views.Agreement agreement(Handle handle, String sceneId) {
        return Agreements.of(handle, sceneId).map(agreement -> new Views.Agreement(agreement.terms().topics(),
                agreement.terms().safeword(),
                Agreements.parties(handle, sceneId).stream().map(party -> new Views.Agreed(author(party.persona()), party.at())).toList(),
                agreement.at())).orElse(null);
    }

    Views.SceneMessage message(Stored message) {
        return new Views.SceneMessage(message.id(), message.scene(), message.seq(), message.epoch(), message.kind(),
                message.senderPersona() == null ? null : author(message.senderPersona()), message.senderDevice(),
                BASE64.encodeToString(message.data()), message.tag() == null ? null : BASE64.encodeToString(message.tag()),
                message.kid(), message.at(), message.expiresAt());
    }

    /** An invitation with what it proposes and both personas' boundaries side by side, flagged. */
    Views.Invitation invitation(Handle handle, Invitations.Invitation invitation, String status) {
        return invitation(handle, invitation, status, true);
    }

    /**
     * An invitation as its inviter sees it; when the invitee's account blocks the inviter
     * ({@code showInvitee} false) the invitee's boundaries and notes are withheld, as if it had none.
     */
    Views.Invitation invitation(Handle handle, Invitations.Invitation invitation, String status, boolean showInvitee) {
        Agreements.Terms terms = invitation.terms();
        return new Views.Invitation(invitation.id(), invitation.scene(), author(invitation.inviter()), author(invitation.invitee()),
                invitation.note(), status, invitation.expiresAt(), terms.topics(), terms.safeword(),
                boundaries.compare(handle, invitation.inviter(), invitation.invitee(), terms.topics(), showInvitee),
                boundaries.notes(handle, invitation.inviter()), showInvitee ? boundaries.notes(handle, invitation.invitee()) : "",
                SceneStore.scene(handle, invitation.scene()).flatMap(SceneStore.Scene::setting).orElse(null));
    }

    Views.Author author(String personaId) {
        return personas.byId(personaId).map(Persona::author).orElse(new Views.Author(personaId, ""));
    }
}
