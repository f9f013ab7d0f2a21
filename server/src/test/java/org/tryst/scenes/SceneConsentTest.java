package org.tryst.scenes;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Consent to scenes on one process. */
class SceneConsentTest extends SceneConsentContract {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Override
    TestServer server() {
        return SERVER;
    }
}
