package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.accounts.Authenticator;
import org.tryst.protocol.HttpApi;

/** A MUD client logs in to an account with TOTP on only with a code: telnet is no way around the second factor. */
class TelnetSecondFactorTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    @Test
    void theCodeIsAskedForAfterThePasswordAndAWrongOneEndsTheConnection() {
        Authenticator.Protected account = Authenticator.protect(server, Clock.systemUTC(), registered());
        try (TelnetClient client = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            logIn(client, account);
            client.send("000000".equals(Authenticator.code(account.secret(), Clock.systemUTC())) ? "111111" : "000000");
            assertThat(client.closedByServer()).isTrue();
            assertThat(client.all()).contains("code is wrong").doesNotContain("Hello, " + account.username());
        }
        try (TelnetClient client = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            logIn(client, account);
            client.send(account.recoveryCodes().getFirst());
            client.expect("Hello, " + account.username());
        }
    }

    private static void logIn(TelnetClient client, Authenticator.Protected account) {
        client.expect("Username: ");
        client.send(account.username());
        client.expect("Password: ");
        client.send(TestServer.PASSWORD);
        client.expect("Code from your authenticator app");
    }

    private static HttpApi.LoggedIn registered() {
        String username = TestServer.uniqueName("telnetcode");
        HttpResponse<String> response = server.post("/api/register", Map.of("username", username, "password", TestServer.PASSWORD, "adult", true), null);
        return TestServer.read(response.body(), HttpApi.LoggedIn.class);
    }
}
