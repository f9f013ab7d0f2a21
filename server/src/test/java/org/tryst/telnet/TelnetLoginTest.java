package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Logging in over telnet holds to the accounts' own rules: the same throttle as HTTP, the same sanctions. */
class TelnetLoginTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    @Test
    void wrongPasswordsCountWithHttpsAndThrottleTheAccount() {
        TestServer.User user = server.register("guessed");
        try (TelnetClient first = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            for (int attempt = 0; attempt < 3; attempt++) wrong(first, user);
            assertThat(first.closedByServer()).as("three wrong passwords end the connection").isTrue();
        }
        try (TelnetClient second = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            wrong(second, user);
            wrong(second, user);
            second.expect("Username: ");
            second.send(user.username());
            second.expect("Password: ");
            second.send(user.password());
            assertThat(second.closedByServer()).as("the right password is refused while the account is throttled").isTrue();
            assertThat(second.all()).doesNotContain("Hello, " + user.username());
        }
        assertThat(server.post("/api/login", Map.of("username", user.username(), "password", user.password()), null).statusCode())
                .as("the throttle is the account's, on every transport").isEqualTo(429);
    }

    @Test
    void aSuspendedAccountIsRefused() {
        TestServer.User user = server.register("suspended");
        assertThat(server.admin("suspend", user.username(), "--hours", "1", "--reason", "cool down")).isZero();
        try (TelnetClient client = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            client.expect("Username: ");
            client.send(user.username());
            client.expect("Password: ");
            client.send(user.password());
            assertThat(client.closedByServer()).isTrue();
            assertThat(client.all().toLowerCase()).contains("suspended").doesNotContain("hello, " + user.username());
        }
    }

    @Test
    void quitAtTheUsernamePromptLeaves() {
        try (TelnetClient client = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            client.expect("Username: ");
            client.send("QUIT");
            client.expect("Goodbye.");
            assertThat(client.closedByServer()).isTrue();
            assertThat(client.all()).doesNotContain("Password: ");
        }
    }

    private static void wrong(TelnetClient client, TestServer.User user) {
        client.expect("Username: ");
        client.send(user.username());
        client.expect("Password: ");
        client.send("not-the-password");
    }
}
