package org.tryst.moderation;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.tryst.accounts.Account;
import org.tryst.accounts.Sanctions;
import org.tryst.accounts.Sessions;
import org.tryst.board.Board;
import org.tryst.channels.Channels;
import org.tryst.personas.Avatars;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.storage.Sql;

/**
 * The moderator's desk: each decision, and each role the operator gives, is stored with its audit
 * entry (and the report it settles) in one transaction, whether it comes from the web client or the
 * command line. It works on the
 * database alone; a running server applies the outcome to open sockets ({@link Enforcement}).
 */
public final class Moderation {
    private final Sql sql;
    private final Clock clock;

    public Moderation(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Whom a decision is about. */
    public sealed interface Target {
        /** A whole account; {@code label} names it in the audit log (a username, or the persona it was reached by). */
        record Account(String accountId, String label) implements Target {}

        /** One persona: banned alone, or standing for its account in the other actions. */
        record Persona(String personaId, String accountId, String name) implements Target {}

        record Channel(String name) implements Target {}

        /** Nobody: dismissing a report. */
        record None() implements Target {}
    }

    /** A moderator's decision: one of {@code ClientMessage.MODERATION_ACTIONS}, with hours for mute and suspend. */
    public record Decision(String action, Target target, Integer hours, String reason, String report) {}

    /** What was decided, for the running server to apply: the account, persona or channel concerned and until when. */
    public record Done(String action, String accountId, String personaId, String channel, Long until, String reason) {}

    /** Stores a decision with its audit entry; {@code actor} names who decided. */
    public Done decide(String actor, Decision decision) {
        long now = clock.millis();
        String reason = decision.reason() == null ? "" : decision.reason();
        Long until = decision.hours() == null ? null : now + TimeUnit.HOURS.toMillis(decision.hours());
        return sql.inTransaction(handle -> {
            Done done = apply(handle, decision, reason, until, now);
            if (decision.report() != null) {
                String status = decision.action().equals("dismiss") ? ReportStore.DISMISSED : ReportStore.ACTIONED;
                if (!ReportStore.resolve(handle, decision.report(), status, now)) throw new ProtocolException(ErrorCode.NOT_FOUND, "no such report");
            }
            AuditLog.append(handle, now, actor, describe(decision), label(decision.target()), reason);
            return done;
        });
    }

    /** Writes a moderator's act elsewhere (in the text world) to the audit log; {@code actorAccount} names who. */
    public void record(String actorAccount, String action, String target, String reason) {
        sql.useTransaction(handle -> {
            var actor = handle.createQuery("SELECT username, role FROM accounts WHERE id = :id").bind("id", actorAccount)
                    .map((rs, ctx) -> rs.getString("username") + " (" + rs.getString("role") + ")").one();
            AuditLog.append(handle, clock.millis(), actor, action, target, reason);
        });
    }

    /**
     * Gives an account a role, with its audit entry; false (and nothing written) when there is no
     * such account.
     */
    public boolean assignRole(String actor, String username, Account.Role role) {
        String key = username.strip().toLowerCase(Locale.ROOT);
        String name = role.name().toLowerCase(Locale.ROOT);
        return sql.inTransaction(handle -> {
            boolean changed = handle.createUpdate("UPDATE accounts SET role = :role WHERE username = :username")
                    .bind("role", name).bind("username", key).execute() == 1;
            if (changed) AuditLog.append(handle, clock.millis(), actor, "role " + name, "account " + key, "");
            return changed;
        });
    }

    private static Done apply(Handle handle, Decision decision, String reason, Long until, long now) {
        String action = decision.action();
        Target target = decision.target();
        return switch (action) {
            case "close", "reopen" -> {
                if (!(target instanceof Target.Channel(String name))) throw invalid("close and reopen name a channel");
                if (!Channels.markClosed(handle, name, action.equals("close") ? now : null)) {
                    throw new ProtocolException(ErrorCode.NOT_FOUND, "no such channel");
                }
                yield new Done(action, null, null, name, null, reason);
            }
            case "dismiss" -> new Done(action, null, null, null, null, reason);
            case "remove-avatar" -> {
                if (!(target instanceof Target.Persona persona)) throw invalid("remove-avatar names a persona");
                Avatars.clear(handle, persona.personaId());
                yield new Done(action, persona.accountId(), persona.personaId(), null, null, reason);
            }
            case "remove-ad" -> {
                if (!(target instanceof Target.Persona persona)) throw invalid("remove-ad names a persona");
                if (!Board.clear(handle, persona.personaId())) throw new ProtocolException(ErrorCode.NOT_FOUND, "that persona has no ad on the board");
                yield new Done(action, persona.accountId(), persona.personaId(), null, null, reason);
            }
            case "ban", "unban" -> banning(handle, action, target, reason, now);
            default -> {
                String account = accountOf(target);
                String kind = action.startsWith("un") ? action.substring(2) : action;
                if (action.startsWith("un")) {
                    if (Sanctions.lift(handle, account, null, kind, now) == 0) throw new ProtocolException(ErrorCode.NOT_FOUND, "no active " + kind + " to lift");
                } else {
                    Sanctions.add(handle, account, null, kind, reason, kind.equals(Sanctions.WARN) ? null : until, now);
                    if (kind.equals(Sanctions.SUSPEND)) Sessions.endAll(handle, account);
                }
                yield new Done(action, account, null, null, until, reason);
            }
        };
    }

    /** A ban of an account ends its sessions; a ban of a persona only takes that persona away. */
    private static Done banning(Handle handle, String action, Target target, String reason, long now) {
        String persona = target instanceof Target.Persona p ? p.personaId() : null;
        String account = accountOf(target);
        if (action.equals("unban")) {
            if (Sanctions.lift(handle, account, persona, Sanctions.BAN, now) == 0) throw new ProtocolException(ErrorCode.NOT_FOUND, "no active ban to lift");
        } else {
            Sanctions.add(handle, account, persona, Sanctions.BAN, reason, null, now);
            if (persona == null) Sessions.endAll(handle, account);
        }
        return new Done(action, account, persona, null, null, reason);
    }

    private static String accountOf(Target target) {
        return switch (target) {
            case Target.Account account -> account.accountId();
            case Target.Persona persona -> persona.accountId();
            case Target.Channel channel -> throw invalid("that action names a persona or an account, not a channel");
            case Target.None none -> throw invalid("that action names a persona or an account");
        };
    }

    private static String describe(Decision decision) {
        return decision.action() + (decision.hours() == null ? "" : " " + decision.hours() + "h")
                + (decision.report() == null ? "" : " (report " + decision.report() + ")");
    }

    private static String label(Target target) {
        return switch (target) {
            case Target.Account account -> "account " + account.label();
            case Target.Persona persona -> "persona " + persona.name() + " (" + persona.personaId() + ")";
            case Target.Channel channel -> "channel #" + channel.name();
            case Target.None none -> "-";
        };
    }

    private static ProtocolException invalid(String message) {
        return new ProtocolException(ErrorCode.INVALID_MESSAGE, message);
    }
}
