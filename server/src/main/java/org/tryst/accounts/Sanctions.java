package org.tryst.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.storage.Ids;
import org.tryst.storage.Sql;

/**
 * What moderators decided about accounts and personas, as stored: warnings (until delivered),
 * mutes, suspensions and bans of accounts, and bans of single personas. A sanction is active until
 * its time runs out or it is lifted. The database is the truth, so that decisions made by the
 * command line or another server process hold here too.
 */
public final class Sanctions implements Admission {
    public static final String WARN = "warn";
    public static final String MUTE = "mute";
    public static final String SUSPEND = "suspend";
    public static final String BAN = "ban";

    private final Sql sql;
    private final Clock clock;

    public Sanctions(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** A warning waiting to be shown to its account. */
    public record Warning(String id, String reason, long at) {}

    /** Everything active now that a running server enforces from memory: mutes by account (until when), banned personas. */
    public record Active(Map<String, Long> mutes, Set<String> bannedPersonas, Set<String> barredAccounts) {}

    /** A suspension ({@code until} when) or ban ({@code until} null) of a whole account, with the moderator's reason. */
    public record Bar(String kind, String reason, Long until) {
        /** The refusal for logins, tickets and sockets while the bar holds. */
        public ProtocolException refusal() {
            return kind.equals(BAN) ? new ProtocolException(ErrorCode.BANNED, "this account is banned from this server")
                    : new ProtocolException(ErrorCode.SUSPENDED, "this account is suspended until " + Instant.ofEpochMilli(until));
        }
    }

    /** Throws {@code suspended} or {@code banned} when the account may not log in or connect now. */
    @Override
    public void requireAdmitted(String accountId) {
        barOf(accountId).ifPresent(bar -> {
            throw bar.refusal();
        });
    }

    /** What keeps the account out now, if anything: a ban before any suspension, else the suspension that ends last. */
    public Optional<Bar> barOf(String accountId) {
        long now = clock.millis();
        List<Bar> bars = sql.withHandle(handle -> handle.createQuery("""
                        SELECT kind, reason, until FROM sanctions WHERE account_id = :account AND persona_id IS NULL
                        AND kind IN ('suspend', 'ban') AND lifted_at IS NULL AND (until IS NULL OR until > :now)""")
                .bind("account", accountId).bind("now", now)
                .map((rs, ctx) -> new Bar(rs.getString("kind"), rs.getString("reason"), until(rs))).list());
        return bars.stream().filter(bar -> bar.kind().equals(BAN)).findFirst()
                .or(() -> bars.stream().max(Comparator.comparing(Bar::until)));
    }

    /** Records a sanction; {@code personaId} is set only for a ban of one persona, {@code until} null for one without end. */
    public static void add(Handle handle, String accountId, String personaId, String kind, String reason, Long until, long now) {
        handle.createUpdate("""
                        INSERT INTO sanctions (id, account_id, persona_id, kind, reason, created_at, until)
                        VALUES (:id, :account, :persona, :kind, :reason, :now, :until)""")
                .bind("id", Ids.random()).bind("account", accountId).bind("persona", personaId).bind("kind", kind)
                .bind("reason", reason).bind("now", now).bind("until", until).execute();
    }

    /** Lifts the active sanctions of a kind on an account (or, with {@code personaId}, on that persona); returns how many. */
    public static int lift(Handle handle, String accountId, String personaId, String kind, long now) {
        return handle.createUpdate("""
                        UPDATE sanctions SET lifted_at = :now WHERE account_id = :account AND kind = :kind AND lifted_at IS NULL
                        AND (until IS NULL OR until > :now) AND\s""" + (personaId == null ? "persona_id IS NULL" : "persona_id = :persona"))
                .bind("now", now).bind("account", accountId).bind("kind", kind).bind("persona", personaId).execute();
    }

    /** The active sanctions a running server keeps in memory between sweeps. */
    public Active active() {
        long now = clock.millis();
        record Row(String account, String persona, String kind, Long until) {}
        List<Row> rows = sql.withHandle(handle -> handle.createQuery("""
                        SELECT account_id, persona_id, kind, until FROM sanctions
                        WHERE lifted_at IS NULL AND kind <> 'warn' AND (until IS NULL OR until > :now)""")
                .bind("now", now)
                .map((rs, ctx) -> new Row(rs.getString("account_id"), rs.getString("persona_id"), rs.getString("kind"),
                        until(rs))).list());
        Map<String, Long> mutes = new HashMap<>();
        Set<String> personas = new HashSet<>();
        Set<String> barred = new HashSet<>();
        for (Row row : rows) {
            if (row.persona() != null) personas.add(row.persona());
            else if (row.kind().equals(MUTE)) mutes.merge(row.account(), row.until(), Math::max);
            else barred.add(row.account());
        }
        return new Active(mutes, personas, barred);
    }

    /** The active mute of an account: until when, if any. */
    public Optional<Long> muteOf(String accountId) {
        return Optional.ofNullable(active().mutes().get(accountId));
    }

    /** The nullable {@code until} column (SQLite's driver maps no NULL to a Long). */
    private static Long until(java.sql.ResultSet rs) throws java.sql.SQLException {
        long until = rs.getLong("until");
        return rs.wasNull() ? null : until;
    }

    /** Takes the account's undelivered warnings, marking them delivered. */
    public List<Warning> takeWarnings(String accountId) {
        long now = clock.millis();
        return sql.inTransaction(handle -> {
            List<Warning> warnings = handle.createQuery("""
                            SELECT id, reason, created_at FROM sanctions
                            WHERE account_id = :account AND kind = 'warn' AND delivered_at IS NULL ORDER BY created_at""")
                    .bind("account", accountId)
                    .map((rs, ctx) -> new Warning(rs.getString("id"), rs.getString("reason"), rs.getLong("created_at"))).list();
            if (!warnings.isEmpty()) {
                handle.createUpdate("UPDATE sanctions SET delivered_at = :now WHERE id IN (<ids>)")
                        .bindList("ids", warnings.stream().map(Warning::id).toList()).bind("now", now).execute();
            }
            return warnings;
        });
    }

    /** The accounts, among those given, with a warning waiting; asked 500 at a time. */
    public Set<String> warned(Set<String> accountIds) {
        List<String> ids = List.copyOf(accountIds);
        Set<String> warned = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            warned.addAll(sql.withHandle(handle -> handle.createQuery("""
                            SELECT DISTINCT account_id FROM sanctions WHERE kind = 'warn' AND delivered_at IS NULL AND account_id IN (<ids>)""")
                    .bindList("ids", chunk).mapTo(String.class).list()));
        }
        return warned;
    }
}
