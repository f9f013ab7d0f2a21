package org.tryst.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ServerMessage;

/**
 * Password guessing is throttled per account name, and the answers are the same whether or not
 * the account exists.
 */
class LoginThrottleTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with("TRYST_ACCOUNTS_LOGIN_FAILURES_PER_ACCOUNT", "3");

    @Test
    void failuresPastTheThresholdAreThrottledAlikeForRealAndMadeUpAccounts() {
        TestServer.User real = SERVER.register("target");
        String ghost = TestServer.uniqueName("ghost");
        for (String username : new String[] {real.username(), ghost}) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> wrong = login(username, "wrong guess " + i);
                assertThat(wrong.statusCode()).isEqualTo(401);
                assertThat(TestServer.read(wrong.body(), ServerMessage.Error.class).message()).isEqualTo("wrong username or password");
            }
            HttpResponse<String> throttled = login(username, "one more guess");
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("retry-after")).isPresent();
            ServerMessage.Error error = TestServer.read(throttled.body(), ServerMessage.Error.class);
            assertThat(error.code()).isEqualTo("too_many_attempts");
            assertThat(error.retryAfterMs()).isPositive();
        }
        assertThat(login(real.username(), real.password()).statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(SERVER.post("/api/tickets", Map.of(), real.token()).statusCode()).as("existing sessions are unaffected")
                .isEqualTo(200);
        TestServer.User bystander = SERVER.register("bystander");
        assertThat(login(bystander.username(), bystander.password()).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> login(String username, String password) {
        return SERVER.post("/api/login", Map.of("username", username, "password", password), null);
    }
}
