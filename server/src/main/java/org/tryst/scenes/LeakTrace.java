package org.tryst.scenes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tryst.protocol.InvisibleMark;
import org.tryst.storage.Sql;

/**
 * Names whose export a leaked transcript came from: finds the invisible marks in its text and looks
 * each up among the marks this server handed out. For the operator's {@code tryst admin trace}.
 */
public final class LeakTrace {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Sql sql;

    public LeakTrace(Sql sql) {
        this.sql = sql;
    }

    /** One export, as recorded when its mark was handed out, and in how many places of the text its mark was found. */
    public record Export(String mark, String sceneId, String personaId, String personaName, String username, boolean accountGone,
                         long exportedAt, int places) {}

    /** The exports whose marks the text carries, and the marks in it that this server never handed out (with their counts). */
    public record Finding(List<Export> exports, Map<String, Integer> unknown) {
        /** The one export the text came from, when its marks all agree. */
        public Optional<Export> named() {
            return exports.size() == 1 && unknown.isEmpty() ? Optional.of(exports.getFirst()) : Optional.empty();
        }

        /** What the finding means, in lines for the operator. */
        public List<String> report() {
            List<String> lines = new ArrayList<>();
            if (exports.isEmpty() && unknown.isEmpty()) {
                lines.add("No mark found. The text carries no Tryst transcript mark: it may have been retyped, photographed,");
                lines.add("paraphrased or copied through something that drops invisible characters, or it was never exported.");
                return lines;
            }
            if (named().isPresent()) {
                Export export = named().get();
                lines.add("This copy came from the export of " + export.personaName() + " (account " + export.username()
                        + (export.accountGone() ? ", since deleted" : "") + ").");
                lines.addAll(describe(export));
                return lines;
            }
            if (exports.size() > 1) lines.add("The marks disagree: this text mixes the copies of " + exports.size() + " exports.");
            else if (exports.size() == 1) lines.add("The marks disagree: besides one export's mark, the text carries marks this server never issued.");
            else lines.add("The text carries only marks this server never issued (forged, altered, or from another server).");
            for (Export export : exports) {
                lines.add("Export of " + export.personaName() + " (account " + export.username() + (export.accountGone() ? ", since deleted" : "") + "):");
                lines.addAll(describe(export));
            }
            unknown.forEach((mark, places) -> lines.add("Unknown mark " + mark + " in " + places(places) + "."));
            return lines;
        }

        private static List<String> describe(Export export) {
            return List.of("  persona   " + export.personaName() + " (" + export.personaId() + ")",
                    "  account   " + export.username(),
                    "  scene     " + export.sceneId(),
                    "  exported  " + UTC.format(Instant.ofEpochMilli(export.exportedAt())),
                    "  mark      " + export.mark() + ", found in " + places(export.places()));
        }

        private static String places(int count) {
            return count == 1 ? "1 place" : count + " places";
        }
    }

    /** Finds the text's marks and whose exports they belong to. */
    public Finding trace(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        InvisibleMark.find(text).forEach(mark -> counts.merge(mark, 1, Integer::sum));
        List<Export> exports = new ArrayList<>();
        Map<String, Integer> unknown = new LinkedHashMap<>();
        counts.forEach((mark, places) -> lookUp(mark, places).ifPresentOrElse(exports::add, () -> unknown.put(mark, places)));
        return new Finding(List.copyOf(exports), unknown);
    }

    private Optional<Export> lookUp(String mark, int places) {
        return sql.withHandle(handle -> handle.createQuery("""
                        SELECT m.mark, m.scene_id, m.persona_id, m.persona_name, m.username, m.created_at, a.id AS still_there
                        FROM transcript_marks m LEFT JOIN accounts a ON a.id = m.account_id WHERE m.mark = :mark""")
                .bind("mark", mark)
                .map((rs, ctx) -> new Export(rs.getString("mark"), rs.getString("scene_id"), rs.getString("persona_id"),
                        rs.getString("persona_name"), rs.getString("username"), rs.getString("still_there") == null,
                        rs.getLong("created_at"), places))
                .findOne());
    }
}
