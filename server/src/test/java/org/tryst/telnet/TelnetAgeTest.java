package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Telnet on a server that requires age verification: an account that has not verified is told how, once, and cannot play. */
class TelnetAgeTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite().with("TRYST_AGE_REQUIRED", "true")
            // Never reached: only the browser's check goes to the provider.
            .with("TRYST_AGE_ISSUER", "http://localhost:9/never").with("TRYST_AGE_CLIENT_ID", "tryst")
            .with("TRYST_AGE_CLIENT_SECRET", "a secret").with("TRYST_AGE_PUBLIC_URL", "https://tryst.example");

    @Test
    void anUnverifiedAccountIsToldToVerifyInTheBrowserAndCannotPlay() {
        TestServer.User user = server.register("unverified");
        try (TelnetClient client = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            client.expect("Username: ");
            client.send(user.username());
            client.expect("Password: ");
            client.send(user.password());
            assertThat(client.closedByServer()).isTrue();
            // Said once, wrapped to the terminal's width: what to do, and where.
            assertThat(client.all().replaceAll("\\s+", " ")).contains("Disconnected: This server verifies that its members are adults: "
                    + "verify your age on your account page (https://tryst.example/#/account) first")
                    .doesNotContain("Persona: ").doesNotContain("You are ");
        }
    }
}
