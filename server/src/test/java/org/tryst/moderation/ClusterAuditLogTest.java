package org.tryst.moderation;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The audit log's guard and chain with two server processes writing to it. */
class ClusterAuditLogTest extends AuditLogContract {
    @RegisterExtension
    static final TestServer server = TestServer.cluster();

    ClusterAuditLogTest() {
        super(server, "DROP TRIGGER audit_log_no_change ON audit_log");
    }
}
