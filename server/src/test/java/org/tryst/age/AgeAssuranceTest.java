package org.tryst.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.CapturedLogs;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.Wire;

/**
 * Age verification against a real OpenID Connect provider, through real HTTP and raw sockets: on a
 * server that requires it, an account can only manage itself until the provider vouches for its age;
 * a refusal, a bad ID token or a used-up check verifies nothing and keeps nothing.
 */
class AgeAssuranceTest {
    static final OidcProviderFixture PROVIDER = new OidcProviderFixture();

    @RegisterExtension
    static final TestServer SERVER = PROVIDER.tryst("age_over_18", true);

    @RegisterExtension
    static final TestServer BIRTHDATE = PROVIDER.tryst("birthdate", true);

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void anUnverifiedAccountCanOnlyUseItsAccountUntilItVerifies() throws Exception {
        TestServer.User user = SERVER.register("unverified");
        Wire wire = SERVER.connect(user);
        wire.send(new ClientMessage.PersonaCreate(wire.nextId(), TestServer.uniqueName("Early"), null, null, null));
        assertThat(wire.expectError("age_assurance_required").message()).contains("verify your age");
        wire.send(new ClientMessage.ChannelList(wire.nextId(), null));
        wire.expectError("age_assurance_required");
        // Its own account and the list of its personas stay open: it can look, change its password, delete itself.
        wire.send(new ClientMessage.PersonaList(wire.nextId()));
        wire.expect(ServerMessage.Personas.class);
        wire.send(new ClientMessage.SessionsList(wire.nextId()));
        wire.expect(ServerMessage.Sessions.class);
        assertThat(PROVIDER.get(SERVER.http("/api/age"), "Authorization", "Bearer " + user.token()).body())
                .isEqualTo("{\"required\":true,\"available\":true,\"verified\":false,\"verifiedAt\":null}");

        PROVIDER.nextLogin("someone", Map.of("age_over_18", true));
        assertThat(PROVIDER.verify(SERVER, user)).isEqualTo("/#/account?age=verified");

        // The same socket may now do the rest.
        TestServer.persona(wire, "Verified");
        assertThat(attestation(SERVER, user)).isEqualTo("oidc:" + PROVIDER.issuer());
        assertThat(PROVIDER.get(SERVER.http("/api/age"), "Authorization", "Bearer " + user.token()).body())
                .contains("\"verified\":true");
        assertThat(logs.lines()).anyMatch(line -> line.startsWith("age verified"));
        // Starting again goes straight back: there is nothing more to verify.
        assertThat(PROVIDER.get(SERVER.http("/api/age/start"), "Authorization", "Bearer " + user.token()).headers()
                .firstValue("Location")).contains("/#/account?age=verified");
        wire.close();
    }

    @Test
    void aProviderSayingUnderAgeRefuses() throws Exception {
        TestServer.User user = SERVER.register("young");
        PROVIDER.nextLogin("young person", Map.of("age_over_18", false));
        assertThat(PROVIDER.verify(SERVER, user)).isEqualTo("/#/account?age=refused&why=under_age");
        assertRefusedStill(SERVER, user);
    }

    @Test
    void anAnswerWithoutTheClaimRefuses() throws Exception {
        TestServer.User user = SERVER.register("claimless");
        PROVIDER.nextLogin("claimless person", Map.of("age_over_21", true));
        assertThat(PROVIDER.verify(SERVER, user)).isEqualTo("/#/account?age=refused&why=no_claim");
        assertRefusedStill(SERVER, user);
    }

    @Test
    void aBirthdateUnderEighteenRefusesAndOneOfEighteenYearsVerifies() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TestServer.User young = BIRTHDATE.register("seventeen");
        PROVIDER.nextLogin("seventeen", Map.of("birthdate", today.minusYears(18).plusDays(1).toString()));
        assertThat(PROVIDER.verify(BIRTHDATE, young)).isEqualTo("/#/account?age=refused&why=under_age");
        assertRefusedStill(BIRTHDATE, young);

        TestServer.User adult = BIRTHDATE.register("eighteen");
        PROVIDER.nextLogin("eighteen", Map.of("birthdate", today.minusYears(18).toString()));
        assertThat(PROVIDER.verify(BIRTHDATE, adult)).isEqualTo("/#/account?age=verified");
        assertThat(attestation(BIRTHDATE, adult)).isEqualTo("oidc:" + PROVIDER.issuer());
    }

    @Test
    void aTokenTheProviderSignedForThisCheckVerifies() throws Exception {
        // The control of the bad tokens below: the same path with a good token verifies.
        TestServer.User user = SERVER.register("control");
        OidcProviderFixture.Check check = PROVIDER.start(SERVER, user);
        String query = PROVIDER.authorize(check);
        PROVIDER.nextTokenResponse(PROVIDER.issuedByProvider("control", List.of(OidcProviderFixture.CLIENT_ID),
                Map.of("nonce", check.nonce(), "age_over_18", true), 600));
        assertThat(PROVIDER.callback(SERVER, query, check.cookie())).isEqualTo("/#/account?age=verified");
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
        TestServer.User user = SERVER.register("forged");
        OidcProviderFixture.Check check = PROVIDER.start(SERVER, user);
        String query = PROVIDER.authorize(check);
        PROVIDER.nextTokenResponse(PROVIDER.forged(PROVIDER.claims(check, "forger").claim("age_over_18", true).build()));
        assertBadToken(user, query, check, "signature");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        TestServer.User user = SERVER.register("expired");
        OidcProviderFixture.Check check = PROVIDER.start(SERVER, user);
        String query = PROVIDER.authorize(check);
        PROVIDER.nextTokenResponse(PROVIDER.issuedByProvider("late", List.of(OidcProviderFixture.CLIENT_ID),
                Map.of("nonce", check.nonce(), "age_over_18", true), -300));
        assertBadToken(user, query, check, "expired");
    }

    @Test
    void aTokenForAnotherClientIsRefused() throws Exception {
        TestServer.User user = SERVER.register("audience");
        OidcProviderFixture.Check check = PROVIDER.start(SERVER, user);
        String query = PROVIDER.authorize(check);
        PROVIDER.nextTokenResponse(PROVIDER.issuedByProvider("elsewhere", List.of("another-client"),
                Map.of("nonce", check.nonce(), "age_over_18", true), 600));
        assertBadToken(user, query, check, "audience");
    }

    @Test
    void aTokenWithAnotherChecksNonceIsRefused() throws Exception {
        TestServer.User user = SERVER.register("nonce");
        OidcProviderFixture.Check check = PROVIDER.start(SERVER, user);
        String query = PROVIDER.authorize(check);
        PROVIDER.nextTokenResponse(PROVIDER.issuedByProvider("replayer", List.of(OidcProviderFixture.CLIENT_ID),
                Map.of("nonce", "the nonce of another check", "age_over_18", true), 600));
        assertBadToken(user, query, check, "nonce");
    }

    @Test
    void aCheckWorksOnceFromItsOwnBrowserAndAnUnknownStateNever() throws Exception {
        TestServer.User user = SERVER.register("replayed");
        PROVIDER.nextLogin("replayed", Map.of("age_over_18", false));
        OidcProviderFixture.Check check = PROVIDER.start(SERVER, user);
        String query = PROVIDER.authorize(check);
        assertThat(PROVIDER.callback(SERVER, query, check.cookie())).isEqualTo("/#/account?age=refused&why=under_age");
        PROVIDER.nextLogin("replayed", Map.of("age_over_18", true));
        assertThat(PROVIDER.callback(SERVER, query, check.cookie())).as("the same answer again").isEqualTo("/#/account?age=refused&why=expired");

        assertThat(PROVIDER.callback(SERVER, "code=made-up&state=" + UUID.randomUUID(), check.cookie()))
                .isEqualTo("/#/account?age=refused&why=expired");

        // Someone else's browser with the provider's answer, but not the cookie of the browser that started the check.
        PROVIDER.nextLogin("replayed", Map.of("age_over_18", true));
        OidcProviderFixture.Check another = PROVIDER.start(SERVER, user);
        String answer = PROVIDER.authorize(another);
        assertThat(PROVIDER.callback(SERVER, answer, null)).isEqualTo("/#/account?age=refused&why=expired");
        assertThat(PROVIDER.callback(SERVER, answer, another.cookie())).as("used up by the other browser's try")
                .isEqualTo("/#/account?age=refused&why=expired");
        assertRefusedStill(SERVER, user);
    }

    @Test
    void theProviderIsAskedForACodeWithPkceStateAndNonceAndTheCheckIsBoundToTheBrowser() {
        TestServer.User user = SERVER.register("asking");
        var started = PROVIDER.get(SERVER.http("/api/age/start"), "Authorization", "Bearer " + user.token());
        var asked = OidcProviderFixture.query(java.net.URI.create(started.headers().firstValue("Location").orElseThrow()));
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", OidcProviderFixture.CLIENT_ID)
                .containsEntry("redirect_uri", OidcProviderFixture.PUBLIC_URL + "/api/age/callback")
                .containsEntry("code_challenge_method", "S256").containsEntry("scope", "openid birthdate")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(asked.get("state")).isNotEqualTo(asked.get("nonce")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(started.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("tryst_age=")
                && cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/api/age/callback"));
    }

    @Test
    void cancellingAtTheProviderRefusesAndUsesTheCheckUp() throws Exception {
        TestServer.User user = SERVER.register("cancelling");
        OidcProviderFixture.Check check = PROVIDER.start(SERVER, user);
        assertThat(PROVIDER.callback(SERVER, "error=access_denied&state=" + check.state(), check.cookie()))
                .isEqualTo("/#/account?age=refused&why=cancelled");
        assertRefusedStill(SERVER, user);
    }

    @Test
    void startingNeedsASession() {
        assertThat(PROVIDER.get(SERVER.http("/api/age/start")).statusCode()).isEqualTo(401);
        assertThat(PROVIDER.get(SERVER.http("/api/age/start"), "Authorization", "Bearer not-a-session").statusCode()).isEqualTo(401);
    }

    private void assertBadToken(TestServer.User user, String query, OidcProviderFixture.Check check, String detail) throws Exception {
        assertThat(PROVIDER.callback(SERVER, query, check.cookie())).isEqualTo("/#/account?age=refused&why=invalid_token");
        assertThat(logs.lines()).anyMatch(line -> line.startsWith("age verification refused") && line.contains("why=\"invalid_token\"")
                && line.contains("detail=\"" + detail));
        assertRefusedStill(SERVER, user);
    }

    /** Nothing was verified: the attestation is still the registration's, the gate still closed, and no check is left open. */
    private static void assertRefusedStill(TestServer server, TestServer.User user) throws Exception {
        assertThat(attestation(server, user)).isEqualTo("self-declared");
        Wire wire = server.connect(user);
        wire.send(new ClientMessage.PersonaCreate(wire.nextId(), TestServer.uniqueName("Refused"), null, null, null));
        wire.expectError("age_assurance_required");
        wire.close();
        try (Connection db = server.database(); Statement statement = db.createStatement();
             ResultSet open = statement.executeQuery("SELECT COUNT(*) FROM age_checks a JOIN accounts b ON a.account_id = b.id WHERE b.username = '"
                     + user.username() + "'")) {
            open.next();
            assertThat(open.getInt(1)).as("open checks").isZero();
        }
    }

    static String attestation(TestServer server, TestServer.User user) throws Exception {
        try (Connection db = server.database(); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT adult_attestation FROM accounts WHERE username = '" + user.username() + "'")) {
            row.next();
            return row.getString(1);
        }
    }
}
