package org.tryst.world;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.tryst.storage.Sql;

/** The SQL of recognition: each persona's short description, and whom each persona recognises under which name. */
final class RecognitionStore {
    private final Sql sql;

    RecognitionStore(Sql sql) {
        this.sql = sql;
    }

    Optional<String> sdesc(String persona) {
        return sql.withHandle(handle -> handle.createQuery("SELECT sdesc FROM world_short_descriptions WHERE persona_id = :persona")
                .bind("persona", persona).mapTo(String.class).findOne());
    }

    void describe(String persona, String sdesc, long at) {
        sql.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO world_short_descriptions (persona_id, sdesc, at) VALUES (:persona, :sdesc, :at)
                        ON CONFLICT (persona_id) DO UPDATE SET sdesc = :sdesc, at = :at""")
                .bind("persona", persona).bind("sdesc", sdesc).bind("at", at).execute());
    }

    /** Whom the viewer recognises: each known persona's id and the name the viewer knows it by. */
    Map<String, String> known(String viewer) {
        return sql.withHandle(handle -> handle.createQuery(
                        "SELECT known_persona_id, name FROM world_recognitions WHERE viewer_persona_id = :viewer")
                .bind("viewer", viewer).map((rs, ctx) -> Map.entry(rs.getString("known_persona_id"), rs.getString("name"))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The viewer knows the persona by the name from now, in place of any name it knew it by before. */
    void recognise(String viewer, String known, String name, String nameKey, long at) {
        sql.useHandle(handle -> recognise(handle, viewer, known, name, nameKey, at));
    }

    /**
     * Each viewer knows the persona by its real name from now, in one transaction: an introduction. A
     * viewer who gave that name to someone else gives it up, since the introduction is the truth.
     */
    void introduce(List<String> viewers, String known, String name, String nameKey, long at) {
        sql.useTransaction(handle -> {
            for (String viewer : viewers) {
                handle.createUpdate("""
                                DELETE FROM world_recognitions
                                WHERE viewer_persona_id = :viewer AND name_key = :key AND known_persona_id <> :known""")
                        .bind("viewer", viewer).bind("key", nameKey).bind("known", known).execute();
                recognise(handle, viewer, known, name, nameKey, at);
            }
        });
    }

    private static void recognise(Handle handle, String viewer, String known, String name, String nameKey, long at) {
        handle.createUpdate("""
                        INSERT INTO world_recognitions (viewer_persona_id, known_persona_id, name, name_key, at)
                        VALUES (:viewer, :known, :name, :key, :at)
                        ON CONFLICT (viewer_persona_id, known_persona_id) DO UPDATE SET name = :name, name_key = :key, at = :at""")
                .bind("viewer", viewer).bind("known", known).bind("name", name).bind("key", nameKey).bind("at", at).execute();
    }

    void forget(String viewer, String known) {
        sql.useHandle(handle -> handle.createUpdate(
                        "DELETE FROM world_recognitions WHERE viewer_persona_id = :viewer AND known_persona_id = :known")
                .bind("viewer", viewer).bind("known", known).execute());
    }
}
