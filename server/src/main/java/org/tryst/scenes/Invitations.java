package org.tryst.scenes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.tryst.config.Config;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage.InvitationGone.Why;
import org.tryst.safety.Blocks;
import org.tryst.storage.Ids;

/**
 * Invitations into scenes: invitation is consent. A persona joins a scene only after it accepts an
 * invitation; a decline is never shown to the inviter, who sees the invitation expire as if
 * unanswered, and nothing but the expiry remains of it. Blocks hold here: nobody is invited into, or
 * added to, a scene where a member blocks them or is blocked by them.
 */
final class Invitations {
    static final String PENDING = "pending";
    static final String ACCEPTED = "accepted";
    static final String DECLINED = "declined";
    private static final RowMapper<Invitation> ROW = (rs, ctx) -> new Invitation(rs.getString("id"), rs.getString("scene_id"),
            rs.getString("inviter_id"), rs.getString("invitee_id"), rs.getString("note"), rs.getString("status"),
            rs.getLong("created_at"), rs.getLong("expires_at"),
            new Agreements.Terms(Agreements.Terms.topicsFrom(rs.getString("topics")), rs.getString("safeword")));

    private final Config.Scenes config;
    private final Clock clock;
    private final Blocks blocks;

    Invitations(Config.Scenes config, Blocks blocks, Clock clock) {
        this.config = config;
        this.blocks = blocks;
        this.clock = clock;
    }

    /** An invitation's row with what it proposes; {@code status} as stored, which the inviter never sees as declined. */
    record Invitation(String id, String scene, String inviter, String invitee, String note, String status, long createdAt,
                      long expiresAt, Agreements.Terms terms) {
        /** The status as the inviter may see it: a decline looks like no answer. */
        String shownToInviter() {
            return ACCEPTED.equals(status) ? ACCEPTED : PENDING;
        }

        /** Whether the invitee's list shows it: only while it waits for an answer (never one swallowed as a decline). */
        boolean openToInvitee() {
            return PENDING.equals(status);
        }
    }

    /** An invitation that no longer stands, and why: it goes from the lists that showed it. */
    record Ended(Invitation invitation, Why why) {}

    /**
     * An invitation, whether it is new (only a new one is announced to the invitee), and the ones
     * it did away with: an expired one nobody swept yet, or an open one with another proposal.
     */
    record Invited(Invitation invitation, boolean created, List<Ended> ended) {}

    /**
     * Invites a persona; an open invitation for the same persona, scene and proposal is answered as
     * it stands, so that asking again neither nags the invitee nor reveals a decline. A new proposal
     * replaces the open one and is announced. An invitation the invitee must not get ({@code
     * unwanted}: a block or a mute) is stored as declined from the start, so the inviter sees exactly
     * what a decline shows and the invitee sees nothing.
     */
    Invited invite(Handle handle, String sceneId, String inviter, String invitee, String note, Agreements.Terms terms, int members,
                   boolean unwanted) {
        long now = clock.millis();
        List<Ended> ended = new ArrayList<>();
        handle.createQuery("DELETE FROM invitations WHERE scene_id = :scene AND invitee_id = :invitee AND expires_at <= :now RETURNING *")
                .bind("scene", sceneId).bind("invitee", invitee).bind("now", now).map(ROW)
                .forEach(expired -> ended.add(new Ended(expired, Why.EXPIRED)));
        Optional<Invitation> open = handle.createQuery("SELECT * FROM invitations WHERE scene_id = :scene AND invitee_id = :invitee")
                .bind("scene", sceneId).bind("invitee", invitee).map(ROW).findOne();
        if (open.isPresent() && open.get().terms().sameAs(terms)) return new Invited(open.get(), false, ended);
        // A different proposal replaces one that nobody accepted: an accepted one always matches the scene's agreement.
        open.ifPresent(stale -> {
            handle.createUpdate("DELETE FROM invitations WHERE id = :id").bind("id", stale.id()).execute();
            ended.add(new Ended(stale, Why.WITHDRAWN));
        });
        int invited = handle.createQuery("SELECT COUNT(*) FROM invitations WHERE scene_id = :scene AND status <> :declined AND expires_at > :now")
                .bind("scene", sceneId).bind("declined", DECLINED).bind("now", now).mapTo(Integer.class).one();
        if (members + invited >= config.maxMembers()) {
            throw new ProtocolException(ErrorCode.SCENE_FULL, "this scene has room for " + config.maxMembers() + " members");
        }
        String status = unwanted || separatedFromMembers(handle, sceneId, invitee) ? DECLINED : PENDING;
        Invitation created = new Invitation(Ids.random(), sceneId, inviter, invitee, note == null ? "" : note, status, now,
                now + TimeUnit.HOURS.toMillis(config.invitationTtlHours()), terms);
        handle.createUpdate("""
                        INSERT INTO invitations (id, scene_id, inviter_id, invitee_id, note, status, created_at, expires_at, topics, safeword)
                        VALUES (:id, :scene, :inviter, :invitee, :note, :status, :now, :expires, :topics, :safeword)""")
                .bind("id", created.id()).bind("scene", sceneId).bind("inviter", inviter).bind("invitee", invitee)
                .bind("note", created.note()).bind("status", status).bind("now", now).bind("expires", created.expiresAt())
                .bind("topics", terms.storedTopics()).bind("safeword", terms.safeword())
                .execute();
        return new Invited(created, status.equals(PENDING), ended);
    }

    /** An open invitation addressed to one of the given personas; NOT_FOUND for any other (declined ones included). */
    Invitation addressedTo(Handle handle, String invitationId, List<String> personaIds) {
        return handle.createQuery("SELECT * FROM invitations WHERE id = :id AND status = :pending AND expires_at > :now")
                .bind("id", invitationId).bind("pending", PENDING).bind("now", clock.millis()).map(ROW).findOne()
                .filter(invitation -> personaIds.contains(invitation.invitee()))
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no such invitation"));
    }

    void answer(Handle handle, String invitationId, String status) {
        handle.createUpdate("UPDATE invitations SET status = :status WHERE id = :id")
                .bind("status", status).bind("id", invitationId).execute();
    }

    /**
     * True when the persona accepted an invitation into the scene that has not expired, and with it
     * the scene's agreement (without it, nobody gets a KeyPackage, an Add or a Welcome), and no member
     * and it block each other.
     */
    boolean accepted(Handle handle, String sceneId, String personaId) {
        return !separatedFromMembers(handle, sceneId, personaId) && handle.createQuery("""
                        SELECT COUNT(*) FROM invitations WHERE scene_id = :scene AND invitee_id = :persona
                        AND status = :accepted AND expires_at > :now
                        AND EXISTS (SELECT 1 FROM scene_agreement_parties p WHERE p.scene_id = :scene AND p.persona_id = :persona)""")
                .bind("scene", sceneId).bind("persona", personaId).bind("accepted", ACCEPTED).bind("now", clock.millis())
                .mapTo(Integer.class).one() > 0;
    }

    /** True when a member of the scene blocks the persona or is blocked by it. */
    boolean separatedFromMembers(Handle handle, String sceneId, String personaId) {
        return SceneStore.memberIds(handle, sceneId).stream().anyMatch(member -> blocks.separated(member, personaId));
    }

    /** The persona is in: its invitation has served, and is answered as it was. */
    List<Invitation> fulfilled(Handle handle, String sceneId, String personaId) {
        return handle.createQuery("DELETE FROM invitations WHERE scene_id = :scene AND invitee_id = :persona RETURNING *")
                .bind("scene", sceneId).bind("persona", personaId).map(ROW).list();
    }

    /** The scene is about to go (the safeword, or its last member left): its invitations go first, answered as they were. */
    List<Ended> withdrawnWith(Handle handle, String sceneId) {
        return ended(handle.createQuery("DELETE FROM invitations WHERE scene_id = :scene RETURNING *").bind("scene", sceneId), Why.WITHDRAWN);
    }

    /** The persona is about to be deleted: the invitations it sent or received go first, answered as they were. */
    List<Ended> withdrawnFor(Handle handle, String personaId) {
        return ended(handle.createQuery("DELETE FROM invitations WHERE inviter_id = :persona OR invitee_id = :persona RETURNING *")
                .bind("persona", personaId), Why.WITHDRAWN);
    }

    private static List<Ended> ended(Query deleting, Why why) {
        return deleting.map(ROW).map(invitation -> new Ended(invitation, why)).list();
    }

    /** Open invitations to the given personas. */
    List<Invitation> received(Handle handle, List<String> personaIds) {
        if (personaIds.isEmpty()) return List.of();
        return handle.createQuery("SELECT * FROM invitations WHERE invitee_id IN (<personas>) AND status = :pending AND expires_at > :now ORDER BY created_at")
                .bindList("personas", personaIds).bind("pending", PENDING).bind("now", clock.millis()).map(ROW).list();
    }

    /** Invitations sent by the given personas that have not expired, declined ones included (shown as pending). */
    List<Invitation> sent(Handle handle, List<String> personaIds) {
        if (personaIds.isEmpty()) return List.of();
        return handle.createQuery("SELECT * FROM invitations WHERE inviter_id IN (<personas>) AND expires_at > :now ORDER BY created_at")
                .bindList("personas", personaIds).bind("now", clock.millis()).map(ROW).list();
    }

    /**
     * Deletes expired invitations and the KeyPackages claimed for them and never used; answers the
     * invitations this transaction deleted, so that of processes sweeping at once only one tells of each.
     */
    List<Ended> sweep(Handle handle) {
        long now = clock.millis();
        handle.createUpdate("DELETE FROM key_package_claims WHERE claimed_at <= :cutoff")
                .bind("cutoff", now - TimeUnit.HOURS.toMillis(config.invitationTtlHours())).execute();
        return ended(handle.createQuery("DELETE FROM invitations WHERE expires_at <= :now RETURNING *").bind("now", now), Why.EXPIRED);
    }
}
