package org.tryst.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The audit log's guard and chain on SQLite, and {@code ./tryst admin audit} reporting a broken chain. */
class SqliteAuditLogTest extends AuditLogContract {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    SqliteAuditLogTest() {
        super(server, "DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete");
    }

    @Test
    @Override
    void entriesCannotBeChangedOrDeletedAndTamperingBreaksTheChain() throws Exception {
        assertThat(server.admin("audit")).isZero();
        super.entriesCannotBeChangedOrDeletedAndTamperingBreaksTheChain();
        assertThat(server.admin("audit")).isEqualTo(3);
    }
}
