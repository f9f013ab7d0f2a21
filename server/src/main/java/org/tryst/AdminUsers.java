package org.tryst;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.tryst.accounts.Session;
import org.tryst.moderation.AccountAdministration;
import org.tryst.storage.Sql;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The operator's account commands: list and show accounts, make one, reset a password, end
 * sessions, delete an account. Every change goes to the audit log; a password is never chosen
 * here, only a one-time code handed to the person, who sets their own with it.
 */
@Command(name = "users", description = "List, show, create, reset or delete accounts, and end their sessions.",
        subcommands = {AdminUsers.Listing.class, AdminUsers.Show.class, AdminUsers.Create.class, AdminUsers.ResetPassword.class,
                AdminUsers.Sessions.class, AdminUsers.Delete.class})
final class AdminUsers {
    private AdminUsers() {}

    /** A command on one account, named by its username. */
    abstract static class OnAccount extends AdminModeration.OnDatabase {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "", description = "Why; kept in the audit log.")
        String reason;

        AccountAdministration administration(Sql sql) {
            return new AccountAdministration(sql, Clock.systemUTC());
        }
    }

    @Command(name = "list", description = "List accounts, newest first: role, when made, personas, sessions, last seen.")
    static final class Listing extends AdminModeration.OnDatabase {
        @Option(names = "--search", paramLabel = "TEXT", description = "Only usernames containing TEXT.")
        String search;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N accounts (default 100).")
        int limit;

        @Override
        int run(Sql sql) {
            List<AccountAdministration.Listed> accounts = new AccountAdministration(sql, Clock.systemUTC()).list(search, limit);
            if (accounts.isEmpty()) System.out.println("no accounts");
            System.out.printf(accounts.isEmpty() ? "" : "%-32s %-9s %-20s %8s %8s  %s%n", "USERNAME", "ROLE", "CREATED", "PERSONAS", "SESSIONS",
                    "LAST SEEN");
            for (AccountAdministration.Listed account : accounts) {
                System.out.printf("%-32s %-9s %-20s %8d %8d  %s%n", account.username(), account.role(), when(account.createdAt()),
                        account.personas(), account.sessions(), account.lastSeenAt() == null ? "-" : when(account.lastSeenAt()));
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show one account: role, adult attestation, personas, sessions, second factor. "
            + "Never its limits, scenes or lines.")
    static final class Show extends OnAccount {
        @Override
        int run(Sql sql) {
            var shown = administration(sql).show(username);
            if (shown.isEmpty()) {
                System.out.println("no account named " + username);
                return 1;
            }
            var account = shown.get();
            System.out.println("username:        " + account.username() + (account.deletionAsked() ? " (being deleted)" : ""));
            System.out.println("id:              " + account.id());
            System.out.println("role:            " + account.role());
            System.out.println("created:         " + when(account.createdAt()));
            System.out.println("adult:           " + account.adultAttestation() + ", " + when(account.adultAttestedAt()));
            System.out.println("personas:        " + (account.personas().isEmpty() ? "none" : String.join(", ", account.personas())));
            System.out.println("sessions:        " + account.sessions() + (account.lastSeenAt() == null ? "" : ", last seen " + when(account.lastSeenAt())));
            System.out.println("second factor:   " + (account.totp() ? "authenticator app" : "none"));
            System.out.println("recovery codes:  " + account.recoveryCodes() + " unused");
            return 0;
        }
    }

    @Command(name = "create", description = "Make an account without a password; prints the one-time code its person sets a password with.")
    static final class Create extends OnAccount {
        @Override
        int run(Sql sql) {
            handOver(username, administration(sql).create(AdminModeration.actor(), username));
            return 0;
        }
    }

    @Command(name = "reset-password", description = "End every session of an account and print a one-time code its person sets a new "
            + "password with. You never choose the password.")
    static final class ResetPassword extends OnAccount {
        @Override
        int run(Sql sql) {
            handOver(username, administration(sql).resetPassword(AdminModeration.actor(), username, reason));
            return 0;
        }
    }

    @Command(name = "sessions", description = "List an account's sessions; with --end, end them all.")
    static final class Sessions extends OnAccount {
        @Option(names = "--end", description = "End every session (their sockets close within seconds).")
        boolean end;

        @Override
        int run(Sql sql) {
            AccountAdministration administration = administration(sql);
            if (end) {
                System.out.println("ended " + administration.endSessions(AdminModeration.actor(), username, reason) + " sessions of " + username);
                return 0;
            }
            List<Session> sessions = administration.sessions(username);
            if (sessions.isEmpty()) System.out.println(username + " has no sessions");
            for (Session session : sessions) {
                System.out.printf("%s  since %s  last seen %s  %s%n", session.id(), when(session.createdAt()), when(session.lastSeenAt()),
                        session.userAgent().isEmpty() ? "(no client named)" : session.userAgent());
            }
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete an account with its personas, memberships, lines and sessions, as its person could.")
    static final class Delete extends OnAccount {
        @Option(names = "--yes", required = true, description = "Confirms: there is no undo.")
        boolean yes;

        @Override
        int run(Sql sql) {
            administration(sql).delete(AdminModeration.actor(), username, reason);
            System.out.println(username + ": its sessions ended; a running server deletes the account within seconds "
                    + "(or at its next start)");
            return 0;
        }
    }

    private static void handOver(String username, AccountAdministration.Code code) {
        System.out.println("Give " + username + " this one-time code, by a way only they can read:");
        System.out.println();
        System.out.println("    " + code.code());
        System.out.println();
        System.out.println("With it they choose their password (\"Forgot your password?\" on the log-in page, or POST /api/recover) "
                + "before " + when(code.expiresAt()) + ".");
    }

    private static String when(long millis) {
        return Instant.ofEpochMilli(millis).toString().replaceFirst("\\.\\d+Z$", "Z");
    }
}
