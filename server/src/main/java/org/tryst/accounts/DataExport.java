package org.tryst.accounts;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;
import org.tryst.protocol.Codec;
import org.tryst.storage.Sql;

/**
 * A person's own data, as a zip of JSON files for them to download: the account, its sessions and
 * limits, its personas with their profiles, boundaries, places and ads, the channel and world
 * lines they wrote, the invitations they sent, the reports they filed and the blocks they made.
 * Nothing of anyone else: not the lines of others, not reported messages, not notes sent to them.
 * Scenes are end-to-end encrypted, so only which scenes the personas are in is known here; their
 * text is on the person's devices.
 */
public final class DataExport {
    private static final ObjectWriter JSON = Codec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writer();
    private static final String README = """
            Your data on this Tryst server, as it stood when you downloaded it.

            account.json      your account: username, role, when it was made, your adult attestation,
                              your sessions (devices), whether an authenticator app is on, whether you
                              share typing, and your own limits (budget, quiet hours, breaks,
                              self-exclusion) with your use per day.
            personas.json     each persona: profile, status, boundaries and notes, where it is in the
                              world, its description there, its short description and the names it
                              gave others, its board ad, the channels it is in and the scenes it is in.
            channel_lines.json  the lines your personas wrote in channels, kept for the channel history
                              retention of this server.
            world_lines.json  the lines your personas wrote in the text world, within the same retention.
            invitations.json  the invitations your personas sent, with their notes.
            reports.json      the reports you filed and where they stand (without the reported message).
            blocks.json       whom you blocked or muted.

            Private scenes are end-to-end encrypted: the server keeps only ciphertext it cannot read,
            until each message's disappearing timer runs out. Their text is only on your devices.
            Passwords, recovery codes and session tokens are kept only as hashes and are not here.
            """;

    private final Sql sql;

    public DataExport(Sql sql) {
        this.sql = sql;
    }

    /** The zip of the account's data. */
    public byte[] of(String accountId) {
        Map<String, Object> files = sql.inTransaction(handle -> {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("account.json", account(handle, accountId));
            all.put("personas.json", personas(handle, accountId));
            all.put("channel_lines.json", rows(handle, """
                    SELECT m.id, m.channel, p.name AS persona, m.kind, m.body AS text, m.created_at AS at
                    FROM channel_messages m JOIN personas p ON p.id = m.persona_id WHERE p.account_id = :account ORDER BY m.created_at""", accountId));
            all.put("world_lines.json", rows(handle, """
                    SELECT l.id, l.room_id AS room, p.name AS persona, l.kind, l.text, l.at
                    FROM world_lines l JOIN personas p ON p.id = l.author_persona_id WHERE p.account_id = :account ORDER BY l.at""", accountId));
            all.put("invitations.json", rows(handle, """
                    SELECT i.id, i.scene_id AS scene, p.name AS persona, i.note, i.status, i.created_at, i.expires_at
                    FROM invitations i JOIN personas p ON p.id = i.inviter_id WHERE p.account_id = :account ORDER BY i.created_at""", accountId));
            all.put("reports.json", rows(handle, """
                    SELECT id, kind, reporter_name AS as_persona, reported_name, channel, reason, note, status, created_at, resolved_at
                    FROM reports WHERE reporter_account = :account ORDER BY created_at""", accountId));
            all.put("blocks.json", rows(handle, """
                    SELECT kind, target_name AS whom, scope, created_at FROM blocks WHERE blocker_id = :account ORDER BY created_at""", accountId));
            return all;
        });
        return zip(files);
    }

    private static Map<String, Object> account(Handle handle, String accountId) {
        Map<String, Object> account = new LinkedHashMap<>(handle.createQuery("""
                        SELECT username, role, created_at, adult_attestation, adult_attested_at FROM accounts WHERE id = :account""")
                .bind("account", accountId).mapToMap().one());
        account.put("sessions", rows(handle, """
                SELECT created_at, last_seen_at, expires_at, user_agent FROM sessions WHERE account_id = :account ORDER BY created_at""", accountId));
        account.put("authenticator_app", count(handle, "SELECT COUNT(*) FROM account_totp WHERE account_id = :account AND secret <> ''", accountId) > 0);
        account.put("shares_typing", count(handle, "SELECT COUNT(*) FROM typing_unshared WHERE account_id = :account", accountId) == 0);
        account.put("limits", rows(handle, "SELECT daily_minutes, quiet_from, quiet_until, time_zone, break_minutes FROM wellbeing_limits WHERE account_id = :account", accountId));
        account.put("limits_waiting", rows(handle, """
                SELECT daily_minutes, quiet_from, quiet_until, time_zone, break_minutes, take_effect_at FROM wellbeing_pending WHERE account_id = :account""", accountId));
        account.put("self_exclusion", rows(handle, "SELECT since, until FROM wellbeing_exclusions WHERE account_id = :account", accountId));
        account.put("use_per_day", rows(handle, "SELECT day, minutes FROM wellbeing_usage WHERE account_id = :account ORDER BY day", accountId));
        account.put("adult_areas_since", rows(handle, "SELECT since FROM world_adult_areas WHERE account_id = :account", accountId));
        account.put("devices", rows(handle, "SELECT id, created_at FROM devices WHERE account_id = :account ORDER BY created_at", accountId));
        return account;
    }

    private static List<Map<String, Object>> personas(Handle handle, String accountId) {
        List<Map<String, Object>> personas = rows(handle, """
                SELECT id, name, summary, description, pronouns, avatar, status, status_line, created_at FROM personas
                WHERE account_id = :account ORDER BY created_at""", accountId);
        for (Map<String, Object> persona : personas) {
            String id = (String) persona.get("id");
            persona.put("boundaries", byPersona(handle, "SELECT topic, answer FROM boundaries WHERE persona_id = :persona ORDER BY topic", id));
            persona.put("boundary_notes", byPersona(handle, "SELECT notes, updated_at FROM boundary_notes WHERE persona_id = :persona", id));
            persona.put("channels", byPersona(handle, "SELECT channel, joined_at FROM channel_members WHERE persona_id = :persona ORDER BY joined_at", id));
            persona.put("world", byPersona(handle, "SELECT room_id AS room, description FROM world_personas WHERE persona_id = :persona", id));
            persona.put("short_description", byPersona(handle, "SELECT sdesc, at FROM world_short_descriptions WHERE persona_id = :persona", id));
            persona.put("names_given", byPersona(handle, """
                    SELECT r.name, p.name AS real_name, r.at FROM world_recognitions r JOIN personas p ON p.id = r.known_persona_id
                    WHERE r.viewer_persona_id = :persona ORDER BY r.at""", id));
            persona.put("board_ad", byPersona(handle, """
                    SELECT title, body AS text, topics, rating, posted_at, bumped_at, expires_at FROM board_ads WHERE persona_id = :persona""", id));
            persona.put("scenes", byPersona(handle, "SELECT scene_id AS scene, joined_at FROM scene_members WHERE persona_id = :persona ORDER BY joined_at", id));
        }
        return personas;
    }

    private static List<Map<String, Object>> rows(Handle handle, String query, String accountId) {
        return handle.createQuery(query).bind("account", accountId).mapToMap().list().stream()
                .<Map<String, Object>>map(LinkedHashMap::new).toList();
    }

    private static List<Map<String, Object>> byPersona(Handle handle, String query, String personaId) {
        return handle.createQuery(query).bind("persona", personaId).mapToMap().list();
    }

    private static int count(Handle handle, String query, String accountId) {
        return handle.createQuery(query).bind("account", accountId).mapTo(Integer.class).one();
    }

    private static byte[] zip(Map<String, Object> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(README.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, Object> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(JSON.writeValueAsBytes(file.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the export could not be written", e);
        }
        return bytes.toByteArray();
    }
}
