package org.tryst.scenes;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.tryst.consent.Boundaries;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;

/**
 * Scene agreements: the topics and safeword word an invitee accepted, stored with the scene and
 * shown to every member. The first accepted invitation sets it; every later one must propose the
 * same. Only a party to the agreement may be added to the scene.
 */
final class Agreements {
    private Agreements() {}

    /** What an invitation proposes, or what a scene agreed to. */
    record Terms(List<String> topics, String safeword) {
        Terms {
            topics = List.copyOf(topics);
        }

        /** The same topics, in any order, and the same word in any case. */
        boolean sameAs(List<String> otherTopics, String otherSafeword) {
            return Set.copyOf(topics).equals(Set.copyOf(otherTopics)) && safeword.equalsIgnoreCase(otherSafeword.strip());
        }

        boolean sameAs(Terms other) {
            return sameAs(other.topics(), other.safeword());
        }

        /** The topics as stored: comma-separated catalogue ids, which never hold a comma. */
        String storedTopics() {
            return String.join(",", topics);
        }

        static List<String> topicsFrom(String stored) {
            return stored.isEmpty() ? List.of() : Arrays.asList(stored.split(","));
        }
    }

    /** A scene's agreement with when it was made. */
    record Agreement(String scene, Terms terms, long at) {}

    /** A persona who agreed, and when. */
    record Party(String persona, long at) {}

    static Optional<Agreement> of(Handle handle, String sceneId) {
        return handle.createQuery("SELECT topics, safeword, created_at FROM scene_agreements WHERE scene_id = :scene")
                .bind("scene", sceneId)
                .map((rs, ctx) -> new Agreement(sceneId, new Terms(Terms.topicsFrom(rs.getString("topics")), rs.getString("safeword")),
                        rs.getLong("created_at")))
                .findOne();
    }

    static List<Party> parties(Handle handle, String sceneId) {
        return handle.createQuery("SELECT persona_id, agreed_at FROM scene_agreement_parties WHERE scene_id = :scene ORDER BY agreed_at, persona_id")
                .bind("scene", sceneId).map((rs, ctx) -> new Party(rs.getString("persona_id"), rs.getLong("agreed_at"))).list();
    }

    /**
     * What an invitation proposes: the scene's agreement if it has one (which the invitation may
     * only repeat), else the topics it names, in catalogue order, and its word or the default.
     */
    static Terms proposal(Handle handle, ClientMessage.SceneInvite request, Boundaries boundaries) {
        Optional<Agreement> agreed = of(handle, request.scene());
        if (agreed.isPresent()) {
            Terms terms = agreed.get().terms();
            Terms asked = new Terms(Objects.requireNonNullElse(request.topics(), terms.topics()),
                    Objects.requireNonNullElse(request.safeword(), terms.safeword()));
            if (!terms.sameAs(asked)) {
                throw new ProtocolException(ErrorCode.AGREEMENT_MISMATCH,
                        "this scene already has an agreement: an invitation into it proposes the same topics and safeword");
            }
            return terms;
        }
        List<String> topics = request.topics() == null ? List.of() : request.topics();
        boundaries.catalogue().requireKnown(topics);
        return new Terms(boundaries.catalogue().ordered(topics), request.safeword() == null ? boundaries.defaultSafeword() : request.safeword());
    }

    /**
     * The invitee agrees to exactly what the invitation proposed, or nothing: the scene's agreement
     * is set now if it has none (the inviter having agreed when proposing it), and must be the same
     * if it has one (another invitation may have been accepted first).
     */
    static void agree(Handle handle, Invitations.Invitation invitation, ClientMessage.InvitationAccept request, long now) {
        if (!invitation.terms().sameAs(request.topics(), request.safeword())) {
            throw new ProtocolException(ErrorCode.AGREEMENT_MISMATCH,
                    "accept exactly the proposed topics and safeword, as the invitation shows them: nothing was accepted");
        }
        int created = handle.createUpdate("""
                        INSERT INTO scene_agreements (scene_id, topics, safeword, created_at) VALUES (:scene, :topics, :safeword, :now)
                        ON CONFLICT (scene_id) DO NOTHING""")
                .bind("scene", invitation.scene()).bind("topics", invitation.terms().storedTopics())
                .bind("safeword", invitation.terms().safeword()).bind("now", now).execute();
        if (created == 0 && !of(handle, invitation.scene()).orElseThrow().terms().sameAs(invitation.terms())) {
            throw new ProtocolException(ErrorCode.AGREEMENT_MISMATCH,
                    "the scene has since agreed to other topics or another safeword: ask for a new invitation");
        }
        if (created == 1) party(handle, invitation.scene(), invitation.inviter(), invitation.createdAt());
        party(handle, invitation.scene(), invitation.invitee(), now);
    }

    private static void party(Handle handle, String sceneId, String personaId, long at) {
        handle.createUpdate("""
                        INSERT INTO scene_agreement_parties (scene_id, persona_id, agreed_at) VALUES (:scene, :persona, :at)
                        ON CONFLICT (scene_id, persona_id) DO UPDATE SET agreed_at = excluded.agreed_at""")
                .bind("scene", sceneId).bind("persona", personaId).bind("at", at).execute();
    }
}
