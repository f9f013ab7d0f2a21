package org.tryst.wellbeing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tryst.protocol.Views;
import org.tryst.storage.Sql;

/** The wellbeing tables: limits in force, loosenings waiting, self-exclusions and minutes of use per day. */
final class WellbeingStore {
    /** A loosening waiting to take effect. */
    record Pending(Limits limits, long takeEffectAt) {}

    private final Sql sql;

    WellbeingStore(Sql sql) {
        this.sql = sql;
    }

    /** The account's limits in force, after making a loosening whose day has passed the limits in force. */
    Limits limits(String accountId, long now) {
        return sql.inTransaction(handle -> {
            Optional<Pending> due = pending(handle, accountId).filter(pending -> pending.takeEffectAt() <= now);
            if (due.isPresent()) {
                write(handle, "wellbeing_limits", accountId, due.get().limits(), null);
                handle.createUpdate("DELETE FROM wellbeing_pending WHERE account_id = :account").bind("account", accountId).execute();
            }
            return handle.createQuery("SELECT * FROM wellbeing_limits WHERE account_id = :account").bind("account", accountId)
                    .map((rs, ctx) -> limits(rs)).findOne().orElse(Limits.NONE);
        });
    }

    Optional<Pending> pending(String accountId) {
        return sql.withHandle(handle -> pending(handle, accountId));
    }

    /** Puts limits in force now, and a loosening (or none) to take effect later. */
    void save(String accountId, Limits now, Pending later) {
        sql.useTransaction(handle -> {
            write(handle, "wellbeing_limits", accountId, now, null);
            handle.createUpdate("DELETE FROM wellbeing_pending WHERE account_id = :account").bind("account", accountId).execute();
            if (later != null) write(handle, "wellbeing_pending", accountId, later.limits(), later.takeEffectAt());
        });
    }

    /** When the account's self-exclusion ends, if one runs at {@code now}. */
    Optional<Long> excludedUntil(String accountId, long now) {
        return sql.withHandle(handle -> handle.createQuery("SELECT until FROM wellbeing_exclusions WHERE account_id = :account AND until > :now")
                .bind("account", accountId).bind("now", now).mapTo(Long.class).findOne());
    }

    /** Excludes the account until {@code until}, or later if an exclusion already runs longer: an exclusion only ever grows. */
    void exclude(String accountId, long now, long until) {
        sql.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO wellbeing_exclusions (account_id, since, until) VALUES (:account, :now, :until)
                        ON CONFLICT (account_id) DO UPDATE SET
                            since = CASE WHEN wellbeing_exclusions.until > :now THEN wellbeing_exclusions.since ELSE :now END,
                            until = CASE WHEN wellbeing_exclusions.until > :until THEN wellbeing_exclusions.until ELSE :until END""")
                .bind("account", accountId).bind("now", now).bind("until", until).execute());
    }

    /**
     * Counts the minute {@code minute} (minutes since 1970) on the day, unless some device or process
     * counted it already; true if this call counted it.
     */
    boolean countMinute(String accountId, LocalDate day, long minute) {
        return sql.withHandle(handle -> {
            int counted = handle.createUpdate("""
                            UPDATE wellbeing_usage SET minutes = minutes + 1, last_minute = :minute
                            WHERE account_id = :account AND day = :day AND last_minute < :minute""")
                    .bind("account", accountId).bind("day", day.toString()).bind("minute", minute).execute();
            if (counted > 0) return true;
            return handle.createUpdate("""
                            INSERT INTO wellbeing_usage (account_id, day, minutes, last_minute) VALUES (:account, :day, 1, :minute)
                            ON CONFLICT (account_id, day) DO NOTHING""")
                    .bind("account", accountId).bind("day", day.toString()).bind("minute", minute).execute() > 0;
        });
    }

    int minutes(String accountId, LocalDate day) {
        return sql.withHandle(handle -> handle.createQuery("SELECT minutes FROM wellbeing_usage WHERE account_id = :account AND day = :day")
                .bind("account", accountId).bind("day", day.toString()).mapTo(Integer.class).findOne().orElse(0));
    }

    /** The minutes of each day from {@code first} on that has any, oldest first. */
    List<Views.UsageDay> usageSince(String accountId, LocalDate first) {
        return sql.withHandle(handle -> handle.createQuery(
                        "SELECT day, minutes FROM wellbeing_usage WHERE account_id = :account AND day >= :first ORDER BY day")
                .bind("account", accountId).bind("first", first.toString())
                .map((rs, ctx) -> new Views.UsageDay(rs.getString("day"), rs.getInt("minutes"))).list());
    }

    private static Optional<Pending> pending(Handle handle, String accountId) {
        return handle.createQuery("SELECT * FROM wellbeing_pending WHERE account_id = :account").bind("account", accountId)
                .map((rs, ctx) -> new Pending(limits(rs), rs.getLong("take_effect_at"))).findOne();
    }

    private static void write(Handle handle, String table, String accountId, Limits limits, Long takeEffectAt) {
        handle.createUpdate("DELETE FROM " + table + " WHERE account_id = :account").bind("account", accountId).execute();
        String extraColumn = takeEffectAt == null ? "" : ", take_effect_at";
        String extraValue = takeEffectAt == null ? "" : ", " + takeEffectAt;
        handle.createUpdate("INSERT INTO " + table + " (account_id, daily_minutes, quiet_from, quiet_until, time_zone, break_minutes" + extraColumn
                        + ") VALUES (:account, :daily, :from, :until, :zone, :breaks" + extraValue + ")")
                .bind("account", accountId).bind("daily", limits.dailyMinutes())
                .bind("from", limits.quietFrom() == null ? null : limits.quietFrom().toString())
                .bind("until", limits.quietUntil() == null ? null : limits.quietUntil().toString())
                .bind("zone", limits.zone().getId()).bind("breaks", limits.breakMinutes()).execute();
    }

    private static Limits limits(ResultSet rs) throws SQLException {
        String from = rs.getString("quiet_from");
        String until = rs.getString("quiet_until");
        return new Limits(nullableInt(rs, "daily_minutes"), from == null ? null : LocalTime.parse(from),
                until == null ? null : LocalTime.parse(until), ZoneId.of(rs.getString("time_zone")), nullableInt(rs, "break_minutes"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
