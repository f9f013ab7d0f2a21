package org.tryst.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.Canary;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.CloseCodes;
import org.tryst.protocol.HttpApi;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.Wire;

/**
 * TOTP and recovery codes as a person meets them, through the HTTP API and the socket: codes shown
 * once at registration, setting up an app, log-ins that wait for their code, a code working once,
 * wrong codes throttled like passwords, a password reset by recovery code that ends every session,
 * changes that ask for a fresh proof, and refused input. The codes are computed here from the
 * secret by RFC 6238 itself, not by the server's library.
 */
class SecondFactorTest {
    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with(CLOCK);

    private static final String NEW_PASSWORD = "a new passphrase after losing the old";

    /** An account with TOTP on, its secret, and its recovery codes. */
    record Protected(String username, String secret, List<String> recoveryCodes) {}

    @Test
    void registrationShowsTenRecoveryCodesOnceAndKeepsThemOnlyAsHashes() throws java.io.IOException {
        Canary canary = new Canary();
        HttpApi.LoggedIn registered = register("codes");
        assertThat(registered.recoveryCodes()).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}"));
        HttpResponse<String> login = login(registered.username(), TestServer.PASSWORD);
        assertThat(login.body()).doesNotContain("recoveryCodes");
        List<String> codes = new java.util.ArrayList<>(registered.recoveryCodes());
        registered.recoveryCodes().forEach(code -> codes.add(code.replace("-", "")));
        canary.assertNowhere(SERVER.storageDirectories(), codes);
    }

    @Test
    void anAccountWithTotpWaitsForItsCodeAndEachCodeWorksOnce() {
        Protected account = protect("waits");
        HttpResponse<String> first = login(account.username(), TestServer.PASSWORD);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("set-cookie")).as("no session before the code").isEmpty();
        HttpApi.SecondFactor waiting = TestServer.read(first.body(), HttpApi.SecondFactor.class);
        assertThat(waiting.secondFactor()).isEqualTo("totp");
        assertThat(first.body()).doesNotContain("\"token\"");

        CLOCK.advance(Duration.ofSeconds(30));
        String code = code(account.secret());
        HttpResponse<String> in = SERVER.post("/api/login/code", Map.of("pending", waiting.pending(), "code", code), null);
        assertThat(in.statusCode()).isEqualTo(200);
        assertThat(in.headers().firstValue("set-cookie")).hasValueSatisfying(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly"));
        String token = TestServer.read(in.body(), HttpApi.LoggedIn.class).token();
        assertThat(SERVER.post("/api/tickets", Map.of(), token).statusCode()).isEqualTo(200);

        assertError(SERVER.post("/api/login/code", Map.of("pending", waiting.pending(), "code", code), null), 401, "login_expired");
        String again = pending(account.username());
        assertError(SERVER.post("/api/login/code", Map.of("pending", again, "code", code), null), 401, "wrong_code");
        CLOCK.advance(Duration.ofSeconds(30));
        assertThat(SERVER.post("/api/login/code", Map.of("pending", again, "code", code(account.secret())), null).statusCode())
                .as("the next step's code").isEqualTo(200);
    }

    @Test
    void aRecoveryCodeStandsInForTheAppOnceAndAWaitingLogInEndsAfterFiveWrongCodes() {
        Protected account = protect("stands");
        String recovery = account.recoveryCodes().get(3);
        assertThat(SERVER.post("/api/login/code", Map.of("pending", pending(account.username()), "code", recovery.toUpperCase()), null)
                .statusCode()).isEqualTo(200);
        assertError(SERVER.post("/api/login/code", Map.of("pending", pending(account.username()), "code", recovery), null), 401, "wrong_code");

        Protected other = protect("wrongs");
        String waiting = pending(other.username());
        for (int i = 0; i < 4; i++) {
            assertError(SERVER.post("/api/login/code", Map.of("pending", waiting, "code", "000000"), null), 401, "wrong_code");
        }
        HttpResponse<String> fifth = SERVER.post("/api/login/code", Map.of("pending", waiting, "code", "000000"), null);
        assertThat(fifth.statusCode()).isIn(401, 429);
        assertThat(SERVER.post("/api/login/code", Map.of("pending", waiting, "code", code(other.secret())), null).statusCode())
                .as("the waiting log-in is over, or the account throttled").isIn(401, 429);
    }

    @Test
    void wrongCodesAreThrottledAsWrongPasswordsAre() {
        Protected account = protect("throttled");
        String waiting = pending(account.username());
        for (int i = 0; i < 5; i++) {
            assertError(SERVER.post("/api/login/code", Map.of("pending", waiting, "code", "123456"), null), 401, "wrong_code");
        }
        assertError(login(account.username(), TestServer.PASSWORD), 429, "too_many_attempts");
    }

    @Test
    void aRecoveryCodeResetsThePasswordAndEndsEverySession() {
        HttpApi.LoggedIn registered = register("forgot");
        TestServer.User user = new TestServer.User(registered.username(), TestServer.PASSWORD, registered.token(), registered.session());
        Wire open = SERVER.connect(user);

        HttpResponse<String> unknown = SERVER.post("/api/recover", Map.of("username", "nobody-" + registered.username(),
                "code", registered.recoveryCodes().getFirst(), "password", NEW_PASSWORD), null);
        HttpResponse<String> wrong = SERVER.post("/api/recover", Map.of("username", registered.username(),
                "code", "0000-0000-0000-0000", "password", NEW_PASSWORD), null);
        assertError(unknown, 401, "invalid_credentials");
        assertError(wrong, 401, "invalid_credentials");
        assertThat(unknown.body()).as("nothing tells an account exists").isEqualTo(wrong.body());
        assertError(SERVER.post("/api/recover", Map.of("username", registered.username(), "code", registered.recoveryCodes().getFirst(),
                "password", "password123"), null), 400, "password_common");

        HttpResponse<String> reset = SERVER.post("/api/recover", Map.of("username", registered.username(),
                "code", registered.recoveryCodes().getFirst(), "password", NEW_PASSWORD), null);
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(open.closeCode(Wire.TIMEOUT)).as("the socket of the old session").isEqualTo(CloseCodes.SESSION_ENDED);
        assertThat(SERVER.post("/api/tickets", Map.of(), registered.token()).statusCode()).isEqualTo(401);
        assertError(login(registered.username(), TestServer.PASSWORD), 401, "invalid_credentials");
        assertThat(login(registered.username(), NEW_PASSWORD).statusCode()).isEqualTo(200);
        assertError(SERVER.post("/api/recover", Map.of("username", registered.username(), "code", registered.recoveryCodes().getFirst(),
                "password", NEW_PASSWORD), null), 401, "invalid_credentials");
    }

    @Test
    void withTotpOnARecoveryResetStillAsksForTheSecondFactor() {
        Protected account = protect("resetting");
        HttpResponse<String> reset = SERVER.post("/api/recover", Map.of("username", account.username(),
                "code", account.recoveryCodes().getFirst(), "password", NEW_PASSWORD), null);
        assertThat(reset.statusCode()).isEqualTo(200);
        HttpApi.SecondFactor waiting = TestServer.read(reset.body(), HttpApi.SecondFactor.class);
        assertThat(waiting.pending()).isNotBlank();
        assertThat(SERVER.post("/api/login/code", Map.of("pending", waiting.pending(), "code", account.recoveryCodes().get(1)), null)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void changingTheSecondFactorAsksForAFreshProofOfTheCurrentOnes() {
        Protected account = protect("changing");
        Wire wire = socket(account);
        assertThat(request(wire, id -> new ClientMessage.TotpOff(id, "not my password at all", code(account.secret()))))
                .isEqualTo("wrong_password");
        assertThat(request(wire, id -> new ClientMessage.TotpOff(id, TestServer.PASSWORD, "999999"))).isEqualTo("wrong_code");
        assertThat(request(wire, id -> new ClientMessage.TotpBegin(id, TestServer.PASSWORD, null))).as("re-enrolling needs a code")
                .isEqualTo("wrong_code");

        CLOCK.advance(Duration.ofSeconds(30));
        String id = wire.nextId();
        wire.send(new ClientMessage.RecoveryRenew(id, TestServer.PASSWORD, code(account.secret())));
        List<String> renewed = wire.expect(ServerMessage.RecoveryCodes.class, reply -> id.equals(reply.id())).codes();
        assertThat(renewed).hasSize(10).doesNotContainAnyElementsOf(account.recoveryCodes());
        assertError(SERVER.post("/api/login/code", Map.of("pending", pending(account.username()), "code", account.recoveryCodes().get(5)), null),
                401, "wrong_code");

        CLOCK.advance(Duration.ofSeconds(30));
        String off = wire.nextId();
        wire.send(new ClientMessage.TotpOff(off, TestServer.PASSWORD, code(account.secret())));
        assertThat(wire.expect(ServerMessage.Security.class, reply -> off.equals(reply.id())).totp()).isFalse();
        assertThat(TestServer.read(login(account.username(), TestServer.PASSWORD).body(), HttpApi.LoggedIn.class).token()).isNotBlank();
    }

    @Test
    void settingUpAnAppNeedsThePasswordAndAFirstCodeOfTheNewSecret() {
        HttpApi.LoggedIn registered = register("setup");
        Wire wire = SERVER.connect(new TestServer.User(registered.username(), TestServer.PASSWORD, registered.token(), registered.session()));
        assertThat(request(wire, id -> new ClientMessage.TotpBegin(id, "wrong password here", null))).isEqualTo("wrong_password");
        assertThat(request(wire, id -> new ClientMessage.TotpConfirm(id, "123456"))).as("nothing begun").isEqualTo("not_found");
        String id = wire.nextId();
        wire.send(new ClientMessage.TotpBegin(id, TestServer.PASSWORD, null));
        ServerMessage.TotpSetup setup = wire.expect(ServerMessage.TotpSetup.class, reply -> id.equals(reply.id()));
        assertThat(setup.uri()).startsWith("otpauth://totp/").contains("secret=" + setup.secret()).contains("issuer=Tryst")
                .contains("digits=6").contains("period=30");
        String wrongCode = code(setup.secret()).equals("000000") ? "111111" : "000000";
        assertThat(request(wire, confirm -> new ClientMessage.TotpConfirm(confirm, wrongCode))).isEqualTo("wrong_code");
        assertThat(TestServer.read(login(registered.username(), TestServer.PASSWORD).body(), HttpApi.LoggedIn.class).token())
                .as("not on before a code confirms it").isNotBlank();
        String confirm = wire.nextId();
        wire.send(new ClientMessage.TotpConfirm(confirm, code(setup.secret())));
        ServerMessage.Security security = wire.expect(ServerMessage.Security.class, reply -> confirm.equals(reply.id()));
        assertThat(security.totp()).isTrue();
        assertThat(security.recoveryCodes()).isEqualTo(10);
        assertThat(login(registered.username(), TestServer.PASSWORD).body()).contains("\"pending\"");
    }

    @Test
    void malformedAndOversizedBodiesAreRefusedWithTheirType() {
        for (String body : List.of("{}", "{\"pending\":\"x\"}", "{\"pending\":\"x\",\"code\":7}", "{\"pending\":\"x\",\"code\":\"" + "9".repeat(65) + "\"}",
                "{\"pending\":\"x\",\"code\":\"123456\",\"extra\":1}", "[]", "not json")) {
            HttpResponse<String> refused = SERVER.postJson("/api/login/code", body, null);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
        }
        assertError(SERVER.post("/api/login/code", Map.of("pending", "no-such-login", "code", "123456"), null), 401, "login_expired");
        for (String body : List.of("{}", "{\"username\":\"u\",\"code\":\"c\"}", "{\"username\":\"u\",\"code\":\"c\",\"password\":\"" + "p".repeat(1025) + "\"}")) {
            assertThat(SERVER.postJson("/api/recover", body, null).statusCode()).as(body).isEqualTo(400);
        }
        Wire wire = SERVER.connect(SERVER.register("badinput"));
        for (String json : List.of("{\"type\":\"totp.confirm\",\"id\":\"a\"}", "{\"type\":\"totp.off\",\"id\":\"b\",\"password\":\"" + TestServer.PASSWORD + "\"}",
                "{\"type\":\"totp.begin\",\"id\":\"c\"}", "{\"type\":\"recovery.renew\",\"id\":\"d\",\"password\":7}")) {
            wire.sendJson(json);
            assertThat(wire.expect(ServerMessage.Error.class).code()).as(json).isEqualTo("invalid_message");
        }
    }

    private static HttpApi.LoggedIn register(String base) {
        String username = TestServer.uniqueName(base);
        HttpResponse<String> response = SERVER.post("/api/register", Map.of("username", username, "password", TestServer.PASSWORD, "adult", true), null);
        assertThat(response.statusCode()).isEqualTo(201);
        return TestServer.read(response.body(), HttpApi.LoggedIn.class);
    }

    private static Protected protect(String base) {
        Authenticator.Protected account = Authenticator.protect(SERVER, CLOCK, register(base));
        return new Protected(account.username(), account.secret(), account.recoveryCodes());
    }

    private static String code(String secret) {
        return Authenticator.code(secret, CLOCK);
    }

    /** A socket of a protected account, logged in through its second step. */
    private static Wire socket(Protected account) {
        CLOCK.advance(Duration.ofSeconds(30));
        HttpResponse<String> in = SERVER.post("/api/login/code", Map.of("pending", pending(account.username()), "code", code(account.secret())), null);
        HttpApi.LoggedIn loggedIn = TestServer.read(in.body(), HttpApi.LoggedIn.class);
        return SERVER.connect(new TestServer.User(account.username(), TestServer.PASSWORD, loggedIn.token(), loggedIn.session()));
    }

    private static String pending(String username) {
        HttpResponse<String> first = login(username, TestServer.PASSWORD);
        assertThat(first.statusCode()).isEqualTo(200);
        return TestServer.read(first.body(), HttpApi.SecondFactor.class).pending();
    }

    private static HttpResponse<String> login(String username, String password) {
        return SERVER.post("/api/login", Map.of("username", username, "password", password), null);
    }

    /** The error code a request gets. */
    private static String request(Wire wire, java.util.function.Function<String, ClientMessage> build) {
        String id = wire.nextId();
        wire.send(build.apply(id));
        return wire.expect(ServerMessage.Error.class, error -> id.equals(error.id())).code();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }
}
