package org.tryst.age;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.tryst.Canary;
import org.tryst.TestServer;

/**
 * What a verification leaves behind: "verified adult, on this date, by this provider", and nothing
 * of the person. Neither the ID token, nor the birthdate, nor the provider's subject reaches the
 * database's files or the server's log.
 */
class AgeStorageTest {
    static final OidcProviderFixture PROVIDER = new OidcProviderFixture();

    @RegisterExtension
    static final TestServer SERVER = PROVIDER.tryst("birthdate", false);

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void aVerificationKeepsNoTokenBirthdateOrSubject() throws Exception {
        // The provider's own log is the provider's, not the server's: it logs what it issues.
        Logger provider = (Logger) LoggerFactory.getLogger("no.nav.security");
        provider.setLevel(Level.OFF);
        try {
            Canary canary = new Canary();
            String subject = "subject-" + UUID.randomUUID();
            String birthdate = "1961-02-27";
            TestServer.User user = SERVER.register("private");
            long before = System.currentTimeMillis();
            OidcProviderFixture.Check check = PROVIDER.start(SERVER, user);
            String query = PROVIDER.authorize(check);
            String idToken = PROVIDER.issuedByProvider(subject, List.of(OidcProviderFixture.CLIENT_ID),
                    Map.of("nonce", check.nonce(), "birthdate", birthdate), 600);
            PROVIDER.nextTokenResponse(idToken);
            assertThat(PROVIDER.callback(SERVER, query, check.cookie())).isEqualTo("/#/account?age=verified");

            assertThat(AgeAssuranceTest.attestation(SERVER, user)).isEqualTo("oidc:" + PROVIDER.issuer());
            try (var db = SERVER.database(); var statement = db.createStatement();
                 var row = statement.executeQuery("SELECT adult_attested_at FROM accounts WHERE username = '" + user.username() + "'")) {
                row.next();
                assertThat(row.getLong(1)).as("the date of the verification").isBetween(before, System.currentTimeMillis());
            }
            // Whatever SQLite still holds in its write-ahead log is in the files the canary reads.
            String payload = idToken.split("\\.")[1];
            canary.assertNowhere(SERVER.storageDirectories(), List.of(idToken, payload, subject, birthdate, check.state()));
        } finally {
            provider.setLevel(null);
        }
    }
}
