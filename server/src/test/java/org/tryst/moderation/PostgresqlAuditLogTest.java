package org.tryst.moderation;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The audit log's guard and chain on PostgreSQL. */
class PostgresqlAuditLogTest extends AuditLogContract {
    @RegisterExtension
    static final TestServer server = TestServer.postgresql();

    PostgresqlAuditLogTest() {
        super(server, "DROP TRIGGER audit_log_no_change ON audit_log");
    }
}
