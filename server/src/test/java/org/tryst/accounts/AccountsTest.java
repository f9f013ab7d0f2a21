package org.tryst.accounts;

import org.tryst.protocol.CloseCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.HttpApi;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/** Accounts and sessions through the HTTP API and the socket, as a client uses them. */
class AccountsTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Test
    void registrationNeedsAnAdultAndAnAcceptablePassword() {
        assertError(register("kid", TestServer.PASSWORD, false), 403, "adult_confirmation_required");
        assertError(register("short", "abc123", true), 400, "password_length");
        assertError(register("common", "password123", true), 400, "password_common");
        assertError(register("Bad Name!", TestServer.PASSWORD, true), 400, "invalid_message");
        String longPassphrase = "a long passphrase with spaces, punctuation and no rules at all ".repeat(2).substring(0, 64);
        HttpResponse<String> ok = register("passphrase", longPassphrase, true);
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.headers().firstValue("set-cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict"));
    }

    @Test
    void aPasswordOverTheLongestIsRefusedForItsLength() {
        String tooLong = "p".repeat(ClientMessage.MAX_PASSWORD + 1);
        assertError(register("toolong", tooLong, true), 400, "password_length");
        assertThat(register("longest", "p".repeat(ClientMessage.MAX_PASSWORD - 1) + "!", true).statusCode()).isEqualTo(201);

        Wire wire = SERVER.connect(SERVER.register("lengthy"));
        wire.send(new ClientMessage.PasswordChange(wire.nextId(), TestServer.PASSWORD, "x"));
        wire.expectError("password_length");
        wire.sendJson("{\"type\":\"password.change\",\"id\":\"long\",\"current\":\"" + TestServer.PASSWORD + "\",\"next\":\"" + tooLong + "\"}");
        assertThat(wire.expectError("password_length").id()).isEqualTo("long");
    }

    @Test
    void aMissingAdultConfirmationIsRefusedAsAnUnconfirmedOne() {
        String body = "{\"username\":\"" + TestServer.uniqueName("noadult") + "\",\"password\":\"" + TestServer.PASSWORD + "\"}";
        assertError(SERVER.postJson("/api/register", body, null), 403, "adult_confirmation_required");
        String asNull = "{\"username\":\"" + TestServer.uniqueName("nulladult") + "\",\"password\":\"" + TestServer.PASSWORD + "\",\"adult\":null}";
        assertError(SERVER.postJson("/api/register", asNull, null), 403, "adult_confirmation_required");
    }

    @Test
    void bodiesWithRepeatedKeysOrUnpairedSurrogatesAreRefusedAndCreateNothing() {
        String username = TestServer.uniqueName("twice");
        HttpResponse<String> twice = SERVER.postJson("/api/register", "{\"username\":\"" + username + "\",\"password\":\"" + TestServer.PASSWORD
                + "\",\"adult\":false,\"adult\":true}", null);
        assertError(twice, 400, "invalid_message");
        assertThat(TestServer.read(twice.body(), ServerMessage.Error.class).message()).contains("'adult' appears twice");

        HttpResponse<String> lone = SERVER.postJson("/api/register", "{\"username\":\"" + username + "\",\"password\":\"a passphrase \\ud800 of mine\""
                + ",\"adult\":true}", null);
        assertError(lone, 400, "invalid_message");
        assertThat(TestServer.read(lone.body(), ServerMessage.Error.class).message()).contains("'password'", "unpaired surrogate");
        assertError(login(username, "a passphrase ? of mine"), 401, "invalid_credentials");

        assertError(SERVER.postJson("/api/login", "{\"username\":\"x\",\"password\":\"y\"} {}", null), 400, "malformed");
    }

    @Test
    void aTakenUsernameIsRefused() {
        TestServer.User user = SERVER.register("taken");
        assertError(SERVER.post("/api/register", Map.of("username", user.username(), "password", TestServer.PASSWORD,
                "adult", true), null), 409, "username_taken");
    }

    @Test
    void loginAcceptsTheRightPasswordOnly() {
        TestServer.User user = SERVER.register("login");
        assertError(login(user.username(), "not the password"), 401, "invalid_credentials");
        assertError(login("nobody-at-all", "not the password"), 401, "invalid_credentials");
        HttpResponse<String> ok = login(user.username().toUpperCase(), TestServer.PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(TestServer.read(ok.body(), HttpApi.LoggedIn.class).username()).isEqualTo(user.username());
    }

    @Test
    void sessionsCanBeListedAndRevokedClosingTheirSockets() {
        TestServer.User user = SERVER.register("devices");
        HttpApi.LoggedIn second = TestServer.read(login(user.username(), TestServer.PASSWORD).body(), HttpApi.LoggedIn.class);
        Wire first = SERVER.connect(user);
        Wire other = SERVER.connect(new TestServer.User(user.username(), user.password(), second.token(), second.session()));

        first.send(new ClientMessage.SessionsList(first.nextId()));
        var sessions = first.expect(ServerMessage.Sessions.class).sessions();
        assertThat(sessions).extracting(Views.Session::id).containsExactlyInAnyOrder(user.session(), second.session());
        assertThat(sessions).filteredOn(Views.Session::current).extracting(Views.Session::id).containsExactly(user.session());

        first.send(new ClientMessage.SessionRevoke(first.nextId(), second.session()));
        first.expect(ServerMessage.Ok.class);
        other.expectError("session_invalid");
        assertThat(other.closeCode(java.time.Duration.ofSeconds(5))).isEqualTo(CloseCodes.SESSION_ENDED);
        assertThat(SERVER.post("/api/tickets", Map.of(), second.token()).statusCode()).isEqualTo(401);

        first.send(new ClientMessage.SessionRevoke(first.nextId(), "no-such-session"));
        first.expectError("not_found");
    }

    @Test
    void logoutEverywhereEndsEverySession() {
        TestServer.User user = SERVER.register("everywhere");
        Wire one = SERVER.connect(user);
        Wire two = SERVER.connect(user);
        one.send(new ClientMessage.LogoutEverywhere(one.nextId()));
        one.expect(ServerMessage.Ok.class);
        assertThat(one.closeCode(java.time.Duration.ofSeconds(5))).isEqualTo(CloseCodes.SESSION_ENDED);
        assertThat(two.closeCode(java.time.Duration.ofSeconds(5))).isEqualTo(CloseCodes.SESSION_ENDED);
        assertThat(SERVER.post("/api/tickets", Map.of(), user.token()).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutOverHttpEndsTheSessionAndClearsTheCookie() {
        TestServer.User user = SERVER.register("logout");
        HttpResponse<String> out = SERVER.post("/api/logout", Map.of(), user.token());
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("set-cookie")).hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
        assertThat(SERVER.post("/api/tickets", Map.of(), user.token()).statusCode()).isEqualTo(401);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        TestServer.User user = SERVER.register("changer");
        HttpApi.LoggedIn second = TestServer.read(login(user.username(), TestServer.PASSWORD).body(), HttpApi.LoggedIn.class);
        Wire wire = SERVER.connect(user);
        wire.send(new ClientMessage.PasswordChange(wire.nextId(), "wrong current", "a brand new passphrase"));
        wire.expectError("wrong_password");
        wire.send(new ClientMessage.PasswordChange(wire.nextId(), TestServer.PASSWORD, "qwerty123"));
        wire.expectError("password_common");
        wire.send(new ClientMessage.PasswordChange(wire.nextId(), TestServer.PASSWORD, "a brand new passphrase"));
        wire.expect(ServerMessage.Ok.class);
        assertThat(SERVER.post("/api/tickets", Map.of(), second.token()).statusCode()).isEqualTo(401);
        assertThat(SERVER.post("/api/tickets", Map.of(), user.token()).statusCode()).isEqualTo(200);
        assertError(login(user.username(), TestServer.PASSWORD), 401, "invalid_credentials");
        assertThat(login(user.username(), "a brand new passphrase").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedApiBodiesGetTypedErrors() {
        assertError(SERVER.post("/api/login", "not an object", null), 400, "malformed");
        assertError(SERVER.post("/api/login", Map.of("username", "x"), null), 400, "invalid_message");
        assertError(SERVER.post("/api/login", Map.of("username", "x", "password", "y", "extra", 1), null), 400, "invalid_message");
        assertError(SERVER.post("/api/nothing-here", Map.of(), null), 404, "not_found");
        assertError(SERVER.post("/api/tickets", Map.of(), "made-up-token"), 401, "session_invalid");
    }

    private static HttpResponse<String> register(String base, String password, boolean adult) {
        return SERVER.post("/api/register", Map.of("username", TestServer.uniqueName(base), "password", password, "adult", adult), null);
    }

    private static HttpResponse<String> login(String username, String password) {
        return SERVER.post("/api/login", Map.of("username", username, "password", password), null);
    }

    static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(TestServer.read(response.body(), ServerMessage.Error.class).code()).isEqualTo(code);
    }
}
