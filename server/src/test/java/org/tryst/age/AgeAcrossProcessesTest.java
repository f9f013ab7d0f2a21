package org.tryst.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.testkit.Wire;

/**
 * Two server processes on one PostgreSQL database: a check started on one is finished on the
 * other, once, and the verification opens the gate on both.
 */
class AgeAcrossProcessesTest {
    static final OidcProviderFixture PROVIDER = new OidcProviderFixture();

    @RegisterExtension
    static final TestServer CLUSTER = PROVIDER.tryst(TestServer.cluster(), "age_over_18", true);

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void aCheckStartedOnOneProcessIsFinishedOnTheOtherOnce() throws Exception {
        TestServer.User user = CLUSTER.register("travelling");
        Wire first = CLUSTER.connect(user, 0);
        Wire second = CLUSTER.connect(user, 1);
        first.send(new ClientMessage.PersonaCreate(first.nextId(), TestServer.uniqueName("Early"), null, null, null));
        first.expectError("age_assurance_required");

        PROVIDER.nextLogin("travelling", Map.of("age_over_18", true));
        OidcProviderFixture.Check check = PROVIDER.start(address(0, "/api/age/start"), user);
        String query = PROVIDER.authorize(check);
        assertThat(PROVIDER.callback(address(1, "/api/age/callback?" + query), check.cookie())).isEqualTo("/#/account?age=verified");
        assertThat(PROVIDER.callback(address(0, "/api/age/callback?" + query), check.cookie()))
                .as("the same answer at the first process").isEqualTo("/#/account?age=refused&why=expired");

        TestServer.persona(first, "VerifiedHere");
        TestServer.persona(second, "VerifiedThere");
        assertThat(AgeAssuranceTest.attestation(CLUSTER, user)).isEqualTo("oidc:" + PROVIDER.issuer());
        first.close();
        second.close();
    }

    private static URI address(int process, String path) {
        return URI.create("http://127.0.0.1:" + CLUSTER.port(process) + path);
    }
}
