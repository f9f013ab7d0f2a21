package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/**
 * Invitations leaving their lists on two server processes sharing PostgreSQL and NATS, each socket
 * of an account on another process, both processes sweeping expired invitations.
 */
class ClusterInvitationGoneTest extends InvitationGoneContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.cluster().with(clock)
            .with("TRYST_SCENES_INVITATION_TTL_HOURS", "1").with("TRYST_SCENES_EXPIRY_SWEEP_SECONDS", "1");

    @Override
    TestServer server() {
        return SERVER;
    }
}
