package org.tryst;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tryst.accounts.Account;
import org.tryst.config.Config;
import org.tryst.moderation.AuditLog;
import org.tryst.moderation.Moderation;
import org.tryst.moderation.ReportStore;
import org.tryst.personas.Personas;
import org.tryst.protocol.ProtocolException;
import org.tryst.storage.Database;
import org.tryst.storage.Sql;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The operator's moderation commands: roles, the report queue, decisions on accounts, personas and
 * channels, and the audit log. They work on the database directly; a running server applies what
 * they decide within {@code moderation.sweep_seconds}. Every decision and role change lands in the
 * audit log as taken by the command line.
 */
final class AdminModeration {
    private AdminModeration() {}

    /**
     * A command that works on the database its location names: a refusal becomes a message and exit
     * code 1.
     */
    abstract static class OnDatabase implements Callable<Integer> {
        @CommandLine.Mixin
        Main.Location location = new Main.Location();

        /** The command's work; its result is the exit code. */
        abstract int run(Sql sql);

        @Override
        public Integer call() {
            Config config = location.load(null, null);
            Logs.quietDatabase();
            try (Database database = Database.open(config.storage(), config.http().dataDir())) {
                return run(database.sql());
            } catch (ProtocolException refused) {
                System.out.println(refused.getMessage());
                return 1;
            }
        }
    }

    /** Gives an account a role, recorded in the audit log like every decision. */
    @Command(name = "role", description = "Make an account an operator, a moderator, a builder of the world, or a member again.")
    static final class Role extends OnDatabase {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Parameters(index = "1", paramLabel = "ROLE", description = "operator, moderator, builder or member")
        Account.Role role;

        @Override
        int run(Sql sql) {
            boolean changed = new Moderation(sql, Clock.systemUTC()).assignRole(actor(), username, role);
            System.out.println(changed ? username + " is now " + role.name().toLowerCase(Locale.ROOT) : "no account named " + username);
            return changed ? 0 : 1;
        }
    }

    /** Prints the report queue, or says that it is empty. */
    @Command(name = "reports", description = "List open reports (--all: resolved ones too) with their verification.")
    static final class Reports extends OnDatabase {
        @Option(names = "--all", description = "Include resolved reports.")
        boolean all;

        @Override
        int run(Sql sql) {
            var queue = new ReportStore(sql).queue(all);
            if (queue.isEmpty()) System.out.println(all ? "no reports" : "no open reports");
            for (ReportStore.Row row : queue) {
                System.out.printf("%s  %s  %-8s %-9s %-14s %s reported %s%n", row.id(), Instant.ofEpochMilli(row.at()), row.status(),
                        row.verification(), row.reason(), row.reporterName(), row.reportedName());
            }
            return 0;
        }
    }

    /** Prints one report in full. */
    @Command(name = "report", description = "Show one report in full.")
    static final class Report extends OnDatabase {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        int run(Sql sql) {
            return new ReportStore(sql).byId(id).map(row -> {
                System.out.println("report    " + row.id() + " (" + row.kind() + (row.channel() == null ? "" : " #" + row.channel()) + ")");
                System.out.println("filed     " + Instant.ofEpochMilli(row.at()) + " by " + row.reporterName());
                System.out.println("reported  " + row.reportedName() + " (" + row.reportedPersona() + ")");
                System.out.println("reason    " + row.reason() + (row.note().isEmpty() ? "" : ": " + row.note()));
                System.out.println("check     " + row.verification() + ": " + row.why());
                System.out.println("status    " + row.status());
                System.out.println("text      " + row.body());
                return 0;
            }).orElseGet(() -> {
                System.out.println("no report " + id);
                return 1;
            });
        }
    }

    /**
     * A decision on an account or persona; the action is the command's own name, so each action is
     * only its name and description below.
     */
    abstract static class Deciding extends OnDatabase {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USER", description = "The account's username (or, with --persona, a persona's name).")
        String name;

        @Option(names = "--persona", description = "USER is a persona's name: ban or unban that persona alone; the other actions reach its account.")
        boolean persona;

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "", description = "Why; kept in the audit log.")
        String reason;

        @Option(names = "--report", paramLabel = "ID", description = "The report this settles.")
        String report;

        /** How many hours the decision lasts; null for one that lasts until lifted. */
        Integer hours() {
            return null;
        }

        @Override
        int run(Sql sql) {
            String action = spec.name();
            Moderation.Target target = target(sql, action);
            new Moderation(sql, Clock.systemUTC()).decide(actor(), new Moderation.Decision(action, target, hours(), reason, report));
            System.out.println(action + " " + name + ": done");
            return 0;
        }

        private Moderation.Target target(Sql sql, String action) {
            if (persona) {
                record Found(String id, String account, String name) {}
                Found found = sql.withHandle(handle -> handle.createQuery("SELECT id, account_id, name FROM personas WHERE name_key = :key")
                                .bind("key", Personas.key(name))
                                .map((rs, ctx) -> new Found(rs.getString("id"), rs.getString("account_id"), rs.getString("name"))).findOne())
                        .orElseThrow(() -> new ProtocolException(org.tryst.protocol.ErrorCode.NOT_FOUND, "no persona named " + name));
                return action.endsWith("ban") ? new Moderation.Target.Persona(found.id(), found.account(), found.name())
                        : new Moderation.Target.Account(found.account(), "of persona " + found.name() + " (" + found.id() + ")");
            }
            String account = sql.withHandle(handle -> handle.createQuery("SELECT id FROM accounts WHERE username = :name")
                            .bind("name", name.strip().toLowerCase(Locale.ROOT)).mapTo(String.class).findOne())
                    .orElseThrow(() -> new ProtocolException(org.tryst.protocol.ErrorCode.NOT_FOUND, "no account named " + name));
            return new Moderation.Target.Account(account, name.strip().toLowerCase(Locale.ROOT));
        }
    }

    /** A decision that lasts some hours. */
    abstract static class Timed extends Deciding {
        @Option(names = "--hours", paramLabel = "N", required = true, description = "How many hours it lasts.")
        int hours;

        @Override
        Integer hours() {
            return hours;
        }
    }

    /** Who the audit log names for the command line: the operating-system user running it. */
    static String actor() {
        return "command line (" + System.getProperty("user.name", "?") + ")";
    }

    @Command(name = "warn", description = "Warn an account: it sees the reason at its next (or live) connection.")
    static final class Warn extends Deciding {}

    @Command(name = "mute", description = "Mute an account for some hours: no channel posting or inviting.")
    static final class Mute extends Timed {}

    @Command(name = "suspend", description = "Suspend an account for some hours: no login; its sessions and sockets end.")
    static final class Suspend extends Timed {}

    @Command(name = "ban", description = "Ban an account until lifted (or, with --persona, one persona).")
    static final class Ban extends Deciding {}

    @Command(name = "unban", description = "Lift a ban.")
    static final class Unban extends Deciding {}

    @Command(name = "unmute", description = "Lift a mute.")
    static final class Unmute extends Deciding {}

    @Command(name = "unsuspend", description = "Lift a suspension.")
    static final class Unsuspend extends Deciding {}

    /** Closes a channel, or reopens it with {@code --reopen}. */
    @Command(name = "close", description = "Close a channel (--reopen opens it again).")
    static final class Close extends OnDatabase {
        @Parameters(index = "0", paramLabel = "CHANNEL")
        String channel;

        @Option(names = "--reopen")
        boolean reopen;

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "")
        String reason;

        @Override
        int run(Sql sql) {
            String action = reopen ? "reopen" : "close";
            new Moderation(sql, Clock.systemUTC()).decide(actor(), new Moderation.Decision(action,
                    new Moderation.Target.Channel(channel.replaceFirst("^#", "")), null, reason, null));
            System.out.println(action + " #" + channel + ": done");
            return 0;
        }
    }

    /** Prints the audit log and checks its hash chain. */
    @Command(name = "audit", description = "Print the audit log and verify its hash chain (exit code 3 when broken).")
    static final class Audit extends OnDatabase {
        @Override
        int run(Sql sql) {
            AuditLog log = new AuditLog(sql);
            for (AuditLog.Entry entry : log.all()) {
                System.out.printf("%5d  %s  %s  %s  %s  %s%n", entry.seq(), Instant.ofEpochMilli(entry.at()), entry.actor(),
                        entry.action(), entry.target(), entry.reason());
            }
            AuditLog.Check check = log.verify();
            System.out.println(check.intact() ? "chain intact: " + check.entries() + " entries"
                    : "CHAIN BROKEN at entry " + check.brokenAt() + ": " + check.problem());
            return check.intact() ? 0 : 3;
        }
    }
}
