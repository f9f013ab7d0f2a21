package org.tryst.scenes;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.tryst.protocol.Views;

/** The SQL of scenes: their rows, members, device leaves, numbered messages and per-device queues. */
final class SceneStore {
    static final RowMapper<Stored> MESSAGE = (rs, ctx) -> new Stored(rs.getString("id"), rs.getString("scene_id"),
            rs.getLong("seq"), rs.getLong("epoch"), rs.getString("kind"), rs.getString("sender_device"),
            rs.getString("sender_persona"), rs.getBytes("data"), rs.getBytes("tag"), rs.getObject("kid") == null ? null : rs.getInt("kid"),
            rs.getLong("created_at"), rs.getObject("expires_at") == null ? null : rs.getLong("expires_at"));

    private SceneStore() {}

    /** A scene's row; its setting when it was made from a room. */
    record Scene(String id, long epoch, long lastSeq, long timerSeconds, long createdAt, Optional<Views.Setting> setting) {}

    /** A device's place in a scene's tree. */
    record Leaf(String device, String persona, int leaf) {}

    /** A stored message, as relayed. */
    record Stored(String id, String scene, long seq, long epoch, String kind, String senderDevice, String senderPersona,
                  byte[] data, byte[] tag, Integer kid, long at, Long expiresAt) {}

    static Optional<Scene> scene(Handle handle, String sceneId) {
        return handle.createQuery("""
                        SELECT id, epoch, last_seq, timer_seconds, created_at, setting_room, setting_name, setting_description
                        FROM scenes WHERE id = :id""")
                .bind("id", sceneId)
                .map((rs, ctx) -> new Scene(rs.getString("id"), rs.getLong("epoch"), rs.getLong("last_seq"),
                        rs.getLong("timer_seconds"), rs.getLong("created_at"), rs.getString("setting_name") == null ? Optional.empty()
                        : Optional.of(new Views.Setting(rs.getString("setting_room"), rs.getString("setting_name"),
                                rs.getString("setting_description")))))
                .findOne();
    }

    static void insertScene(Handle handle, String sceneId, long timerSeconds, long now, Optional<Views.Setting> setting) {
        handle.createUpdate("""
                        INSERT INTO scenes (id, epoch, last_seq, timer_seconds, created_at, setting_room, setting_name, setting_description)
                        VALUES (:id, 0, 0, :timer, :now, :room, :name, :description)""")
                .bind("id", sceneId).bind("timer", timerSeconds).bind("now", now)
                .bind("room", setting.map(Views.Setting::room).orElse(null))
                .bind("name", setting.map(Views.Setting::name).orElse(null))
                .bind("description", setting.map(Views.Setting::description).orElse(null)).execute();
    }

    static void insertMember(Handle handle, String sceneId, String personaId, long now) {
        handle.createUpdate("""
                        INSERT INTO scene_members (scene_id, persona_id, joined_at) VALUES (:scene, :persona, :now)
                        ON CONFLICT (scene_id, persona_id) DO NOTHING""")
                .bind("scene", sceneId).bind("persona", personaId).bind("now", now).execute();
    }

    static void insertLeaf(Handle handle, String sceneId, Leaf leaf) {
        handle.createUpdate("INSERT INTO scene_devices (scene_id, device_id, persona_id, leaf) VALUES (:scene, :device, :persona, :leaf)")
                .bind("scene", sceneId).bind("device", leaf.device()).bind("persona", leaf.persona()).bind("leaf", leaf.leaf()).execute();
    }

    static List<String> memberIds(Handle handle, String sceneId) {
        return handle.createQuery("SELECT persona_id FROM scene_members WHERE scene_id = :scene ORDER BY joined_at, persona_id")
                .bind("scene", sceneId).mapTo(String.class).list();
    }

    static boolean isMember(Handle handle, String sceneId, String personaId) {
        return handle.createQuery("SELECT COUNT(*) FROM scene_members WHERE scene_id = :scene AND persona_id = :persona")
                .bind("scene", sceneId).bind("persona", personaId).mapTo(Integer.class).one() > 0;
    }

    static boolean hasAccountMember(Handle handle, String sceneId, String accountId) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM scene_members m JOIN personas p ON p.id = m.persona_id
                        WHERE m.scene_id = :scene AND p.account_id = :account""")
                .bind("scene", sceneId).bind("account", accountId).mapTo(Integer.class).one() > 0;
    }

    static List<String> scenesOf(Handle handle, List<String> personaIds) {
        if (personaIds.isEmpty()) return List.of();
        return handle.createQuery("SELECT DISTINCT scene_id FROM scene_members WHERE persona_id IN (<personas>) ORDER BY scene_id")
                .bindList("personas", personaIds).mapTo(String.class).list();
    }

    static List<Leaf> leaves(Handle handle, String sceneId) {
        return handle.createQuery("SELECT device_id, persona_id, leaf FROM scene_devices WHERE scene_id = :scene ORDER BY leaf")
                .bind("scene", sceneId)
                .map((rs, ctx) -> new Leaf(rs.getString("device_id"), rs.getString("persona_id"), rs.getInt("leaf")))
                .list();
    }

    /** A place in a scene's log: the message's number, and the scene's disappearing timer that applies to it. */
    record Slot(long seq, long timerSeconds) {
        /** When a message stored now in this slot disappears; null when the timer is off. */
        Long expiresAt(long now) {
            return timerSeconds == 0 ? null : now + timerSeconds * 1000;
        }
    }

    /**
     * Takes the next number of a scene's log, only if the scene is at the given epoch; a commit also
     * moves the scene to the next epoch. Empty when the scene is at another epoch (or gone). The row
     * update, one statement that also returns the number and the timer, is the gate: concurrent
     * senders queue on the row, and only one commit per epoch passes.
     */
    static Optional<Slot> nextSeq(Handle handle, String sceneId, long epoch, boolean commit) {
        String advance = commit ? ", epoch = epoch + 1" : "";
        return handle.createQuery("UPDATE scenes SET last_seq = last_seq + 1" + advance
                        + " WHERE id = :id AND epoch = :epoch RETURNING last_seq, timer_seconds")
                .bind("id", sceneId).bind("epoch", epoch)
                .map((rs, ctx) -> new Slot(rs.getLong("last_seq"), rs.getLong("timer_seconds"))).findOne();
    }

    /** Stores a message and queues it for the given devices. */
    static void insertMessage(Handle handle, Stored message, String clientId, List<String> recipients) {
        handle.createUpdate("""
                        INSERT INTO scene_messages (id, scene_id, seq, epoch, kind, sender_device, sender_persona, client_id,
                                                    data, tag, kid, created_at, expires_at)
                        VALUES (:id, :scene, :seq, :epoch, :kind, :device, :persona, :client, :data, :tag, :kid, :at, :expires)""")
                .bind("id", message.id()).bind("scene", message.scene()).bind("seq", message.seq()).bind("epoch", message.epoch())
                .bind("kind", message.kind()).bind("device", message.senderDevice()).bind("persona", message.senderPersona())
                .bind("client", clientId).bind("data", message.data()).bind("tag", message.tag()).bind("kid", message.kid())
                .bind("at", message.at()).bind("expires", message.expiresAt()).execute();
        var batch = handle.prepareBatch("INSERT INTO scene_queue (device_id, message_id) VALUES (:device, :message)");
        for (String device : recipients) batch.bind("device", device).bind("message", message.id()).add();
        if (!recipients.isEmpty()) batch.execute();
    }

    /** The message a device already sent under a client id, for an idempotent resend. */
    static Optional<Stored> sentBefore(Handle handle, String deviceId, String clientId) {
        return handle.createQuery("SELECT * FROM scene_messages WHERE sender_device = :device AND client_id = :client")
                .bind("device", deviceId).bind("client", clientId).map(MESSAGE).findOne();
    }

    /** A device's queue, oldest first, in each scene's order. */
    static List<Stored> queue(Handle handle, String deviceId) {
        return handle.createQuery("""
                        SELECT m.* FROM scene_queue q JOIN scene_messages m ON m.id = q.message_id
                        WHERE q.device_id = :device ORDER BY m.created_at, m.scene_id, m.seq""")
                .bind("device", deviceId).map(MESSAGE).list();
    }
}
