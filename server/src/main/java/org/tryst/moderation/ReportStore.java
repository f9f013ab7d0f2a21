package org.tryst.moderation;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.tryst.protocol.Views;
import org.tryst.storage.Sql;

/** The SQL of reports: filed by members, read by moderators, resolved by their actions. */
public final class ReportStore {
    public static final String OPEN = "open";
    public static final String ACTIONED = "actioned";
    public static final String DISMISSED = "dismissed";

    private static final RowMapper<Row> ROW = (rs, ctx) -> new Row(rs.getString("id"), rs.getString("kind"),
            rs.getString("reporter_account"), rs.getString("reporter_persona"), rs.getString("reporter_name"),
            rs.getString("reported_account"), rs.getString("reported_persona"), rs.getString("reported_name"),
            rs.getString("channel"), rs.getString("scene_id"), rs.getString("message_id"), rs.getString("body"),
            rs.getString("reason"), rs.getString("note"), rs.getString("verification"), rs.getString("why"),
            rs.getString("status"), rs.getLong("created_at"));

    private final Sql sql;

    public ReportStore(Sql sql) {
        this.sql = sql;
    }

    /** A stored report; {@code body} is the reported text, {@code reportedAccount} null when the sender could not be found. */
    public record Row(String id, String kind, String reporterAccount, String reporterPersona, String reporterName,
                      String reportedAccount, String reportedPersona, String reportedName, String channel, String scene,
                      String message, String body, String reason, String note, String verification, String why,
                      String status, long at) {
        /** As moderators see it; the reporter is left out for anyone else. */
        public Views.Report view(boolean withReporter) {
            return new Views.Report(id, kind, withReporter ? new Views.Author(reporterPersona, reporterName) : null,
                    reportedPersona == null ? null : new Views.Author(reportedPersona, reportedName), channel, body, reason,
                    note, verification, why, status, at);
        }
    }

    void insert(Row row) {
        sql.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO reports (id, kind, reporter_account, reporter_persona, reporter_name, reported_account,
                            reported_persona, reported_name, channel, scene_id, message_id, body, reason, note, verification, why,
                            status, created_at)
                        VALUES (:id, :kind, :reporterAccount, :reporterPersona, :reporterName, :reportedAccount, :reportedPersona,
                            :reportedName, :channel, :scene, :message, :body, :reason, :note, :verification, :why, :status, :at)""")
                .bindMethods(row).execute());
    }

    public Optional<Row> byId(String id) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM reports WHERE id = :id").bind("id", id).map(ROW).findOne());
    }

    /** The reports an account filed, newest first. */
    public List<Row> filedBy(String accountId) {
        return sql.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM reports WHERE reporter_account = :account ORDER BY created_at DESC LIMIT 200")
                .bind("account", accountId).map(ROW).list());
    }

    /** The queue: open reports oldest first, then (with {@code all}) resolved ones newest first. */
    public List<Row> queue(boolean all) {
        return sql.withHandle(handle -> handle.createQuery("""
                        SELECT * FROM reports WHERE status = 'open' OR :all
                        ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, created_at LIMIT 500""")
                .bind("all", all).map(ROW).list());
    }

    /** Marks a report handled; false when there is no such report. */
    static boolean resolve(Handle handle, String id, String status, long now) {
        return handle.createUpdate("UPDATE reports SET status = :status, resolved_at = :now WHERE id = :id")
                .bind("status", status).bind("now", now).bind("id", id).execute() == 1;
    }
}
