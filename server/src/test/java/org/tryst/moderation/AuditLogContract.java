package org.tryst.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.storage.Database;

/**
 * The audit log is append-only in the database itself, on SQLite and on PostgreSQL: UPDATE and
 * DELETE are refused; and someone who gets round that (dropping the triggers as the database's
 * owner) leaves a broken hash chain that the check finds, at the entry changed.
 */
abstract class AuditLogContract {
    private final TestServer server;
    /** The statements that remove the guard, as a database owner could run them. */
    private final String[] dropTriggers;

    AuditLogContract(TestServer server, String... dropTriggers) {
        this.server = server;
        this.dropTriggers = dropTriggers;
    }

    @Test
    void entriesCannotBeChangedOrDeletedAndTamperingBreaksTheChain() throws Exception {
        try (Database database = server.openDatabase()) {
            AuditLog log = new AuditLog(database.sql());
            long first = log.all().size() + 1;
            database.sql().useTransaction(handle -> {
                AuditLog.append(handle, 1_000, "mod (moderator)", "warn", "account of persona Alice", "first");
                AuditLog.append(handle, 2_000, "mod (moderator)", "mute 2h", "account of persona Alice", "second");
                AuditLog.append(handle, 3_000, "command line (root)", "ban", "account alice", "third");
            });
            assertThat(log.verify().intact()).isTrue();

            try (var sql = server.database(); var statement = sql.createStatement()) {
                assertThat(catchThrowable(() -> statement.executeUpdate("UPDATE audit_log SET reason = 'nothing happened' WHERE seq = " + (first + 1))))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                assertThat(catchThrowable(() -> statement.executeUpdate("DELETE FROM audit_log WHERE seq = " + first)))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                assertThat(log.verify().intact()).isTrue();

                for (String drop : dropTriggers) statement.executeUpdate(drop);
                statement.executeUpdate("UPDATE audit_log SET reason = 'nothing happened' WHERE seq = " + (first + 1));
            }
            AuditLog.Check check = log.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.brokenAt()).isEqualTo(first + 1);
            assertThat(check.problem()).contains("changed");

            try (var sql = server.database(); var statement = sql.createStatement()) {
                statement.executeUpdate("DELETE FROM audit_log WHERE seq = " + (first + 1));
            }
            assertThat(log.verify().problem()).contains("missing");
        }
    }
}
