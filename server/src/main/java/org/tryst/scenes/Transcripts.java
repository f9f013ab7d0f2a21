package org.tryst.scenes;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.tryst.personas.Persona;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.InvisibleMark;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.Views;

/**
 * Consent to keeping a scene's transcript: a member asks, every member agrees or refuses, and only
 * while all current members agree does the server hand out marks for exports. Answers are tied to
 * the membership they were given under: someone joining or leaving clears them all.
 */
final class Transcripts {
    private static final HexFormat HEX = HexFormat.of();

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Transcripts(Clock clock) {
        this.clock = clock;
    }

    /** An open request: who asked, when, and the membership its answers belong to. */
    private record Request(String requestedBy, String members, long requestedAt) {}

    /** A member's choice; {@code ask} opens a request (or agrees to the open one), the asker's {@code withdraw} closes it. */
    void choose(Handle handle, String sceneId, String personaId, String choice) {
        Optional<Request> request = settled(handle, sceneId);
        if (request.isEmpty() && !choice.equals("ask")) {
            throw new ProtocolException(ErrorCode.NO_TRANSCRIPT_REQUEST, "nobody has asked to keep this scene's transcript");
        }
        switch (choice) {
            case "ask" -> {
                if (request.isEmpty()) {
                    handle.createUpdate("""
                                    INSERT INTO transcript_requests (scene_id, requested_by, members, requested_at)
                                    VALUES (:scene, :persona, :members, :now)""")
                            .bind("scene", sceneId).bind("persona", personaId).bind("members", membership(handle, sceneId))
                            .bind("now", clock.millis()).execute();
                }
                answer(handle, sceneId, personaId, true);
            }
            case "agree" -> answer(handle, sceneId, personaId, true);
            case "refuse" -> answer(handle, sceneId, personaId, false);
            case "withdraw" -> {
                if (request.orElseThrow().requestedBy().equals(personaId)) close(handle, sceneId);
                else handle.createUpdate("DELETE FROM transcript_answers WHERE scene_id = :scene AND persona_id = :persona")
                        .bind("scene", sceneId).bind("persona", personaId).execute();
            }
            default -> throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "no such choice");
        }
    }

    /**
     * A fresh 96-bit mark for the persona's export, recorded with the scene, the persona, its account
     * and the time; refused unless every current member agrees.
     */
    String mark(Handle handle, String sceneId, Persona persona, long now) {
        if (!allowed(handle, sceneId)) {
            throw new ProtocolException(ErrorCode.TRANSCRIPT_NOT_AGREED, "not every member of the scene agrees to keeping its transcript");
        }
        byte[] bytes = new byte[InvisibleMark.MARK_BYTES];
        random.nextBytes(bytes);
        String mark = HEX.formatHex(bytes);
        String username = handle.createQuery("SELECT username FROM accounts WHERE id = :id").bind("id", persona.accountId())
                .mapTo(String.class).one();
        handle.createUpdate("""
                        INSERT INTO transcript_marks (mark, scene_id, persona_id, persona_name, account_id, username, created_at)
                        VALUES (:mark, :scene, :persona, :name, :account, :username, :now)""")
                .bind("mark", mark).bind("scene", sceneId).bind("persona", persona.id()).bind("name", persona.name())
                .bind("account", persona.accountId()).bind("username", username).bind("now", now).execute();
        return mark;
    }

    /** The request as members see it, or null when nobody asked (or the one who asked left). */
    Views.Transcript view(Handle handle, String sceneId, SceneViews views) {
        Optional<Request> request = open(handle, sceneId);
        if (request.isEmpty()) return null;
        boolean fresh = request.get().members().equals(membership(handle, sceneId));
        List<String> agreed = fresh ? answered(handle, sceneId, true) : List.of();
        List<String> refused = fresh ? answered(handle, sceneId, false) : List.of();
        return new Views.Transcript(views.author(request.get().requestedBy()), request.get().requestedAt(), agreed, refused,
                agreed.size() == SceneStore.memberIds(handle, sceneId).size());
    }

    private static boolean allowed(Handle handle, String sceneId) {
        return settled(handle, sceneId).isPresent()
                && answered(handle, sceneId, true).size() == SceneStore.memberIds(handle, sceneId).size();
    }

    /** The open request, if its asker is still in the scene; its answers may belong to an earlier membership. */
    private static Optional<Request> open(Handle handle, String sceneId) {
        return handle.createQuery("SELECT requested_by, members, requested_at FROM transcript_requests WHERE scene_id = :scene")
                .bind("scene", sceneId)
                .map((rs, ctx) -> new Request(rs.getString("requested_by"), rs.getString("members"), rs.getLong("requested_at")))
                .findOne().filter(request -> SceneStore.isMember(handle, sceneId, request.requestedBy()));
    }

    /**
     * The open request, with its answers cleared first if the members changed since they were given;
     * a request whose asker has left is closed. Before any change to the request.
     */
    private static Optional<Request> settled(Handle handle, String sceneId) {
        Optional<Request> request = open(handle, sceneId);
        if (request.isEmpty()) {
            close(handle, sceneId);
            return request;
        }
        String members = membership(handle, sceneId);
        if (request.get().members().equals(members)) return request;
        handle.createUpdate("DELETE FROM transcript_answers WHERE scene_id = :scene").bind("scene", sceneId).execute();
        handle.createUpdate("UPDATE transcript_requests SET members = :members WHERE scene_id = :scene")
                .bind("members", members).bind("scene", sceneId).execute();
        return Optional.of(new Request(request.get().requestedBy(), members, request.get().requestedAt()));
    }

    private static void answer(Handle handle, String sceneId, String personaId, boolean agreed) {
        handle.createUpdate("""
                        INSERT INTO transcript_answers (scene_id, persona_id, agreed) VALUES (:scene, :persona, :agreed)
                        ON CONFLICT (scene_id, persona_id) DO UPDATE SET agreed = excluded.agreed""")
                .bind("scene", sceneId).bind("persona", personaId).bind("agreed", agreed).execute();
    }

    private static void close(Handle handle, String sceneId) {
        handle.createUpdate("DELETE FROM transcript_answers WHERE scene_id = :scene").bind("scene", sceneId).execute();
        handle.createUpdate("DELETE FROM transcript_requests WHERE scene_id = :scene").bind("scene", sceneId).execute();
    }

    private static List<String> answered(Handle handle, String sceneId, boolean agreed) {
        return handle.createQuery("""
                        SELECT a.persona_id FROM transcript_answers a
                        JOIN scene_members m ON m.scene_id = a.scene_id AND m.persona_id = a.persona_id
                        WHERE a.scene_id = :scene AND a.agreed = :agreed ORDER BY a.persona_id""")
                .bind("scene", sceneId).bind("agreed", agreed).mapTo(String.class).list();
    }

    /** Who is in the scene, each with when they joined, so that leaving and coming back counts as a change too. */
    private static String membership(Handle handle, String sceneId) {
        return handle.createQuery("SELECT persona_id, joined_at FROM scene_members WHERE scene_id = :scene ORDER BY persona_id")
                .bind("scene", sceneId).map((rs, ctx) -> rs.getString("persona_id") + "@" + rs.getLong("joined_at"))
                .stream().collect(Collectors.joining(","));
    }
}
