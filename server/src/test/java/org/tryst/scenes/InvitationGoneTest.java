package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Invitations leaving their lists, on one process with SQLite; invitations live an hour, and expire by the sweep each second. */
class InvitationGoneTest extends InvitationGoneContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with(clock)
            .with("TRYST_SCENES_INVITATION_TTL_HOURS", "1").with("TRYST_SCENES_EXPIRY_SWEEP_SECONDS", "1");

    @Override
    TestServer server() {
        return SERVER;
    }
}
