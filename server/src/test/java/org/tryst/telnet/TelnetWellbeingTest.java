package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.Wire;
import org.tryst.wellbeing.UsedMinutes;

/** A person's own limits hold over telnet as on the WebSocket: the budget warns and ends the session, and self-exclusion refuses the log-in. */
class TelnetWellbeingTest {
    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with(CLOCK).with("TRYST_WELLBEING_SWEEP_SECONDS", "1");

    @Test
    void theDailyBudgetWarnsAndThenEndsATelnetSession() throws Exception {
        UsedMinutes.startTomorrowAt(CLOCK, 12);
        TestServer.User user = SERVER.register("telnet-budget");
        Wire browser = SERVER.connect(user);
        browser.send(new ClientMessage.WellbeingSet(browser.nextId(), 15, null, null, "UTC", null));
        browser.expect(ServerMessage.WellbeingInfo.class);
        UsedMinutes.seed(SERVER, user.username(), UsedMinutes.today(CLOCK), 13);
        try (TelnetClient client = TelnetClient.connect(SERVER.telnetPort(), TelnetClient.Options.plain())) {
            Players.playAsNew(client, user, "Budget");
            CLOCK.advance(Duration.ofMinutes(1));
            client.send("look");
            client.expect("Today's time runs out at ");
            CLOCK.advance(Duration.ofMinutes(1));
            client.send("look");
            assertThat(client.closedByServer()).isTrue();
            assertThat(client.all().toLowerCase()).contains("today's time is used up");
        }
        try (TelnetClient again = TelnetClient.connect(SERVER.telnetPort(), TelnetClient.Options.plain())) {
            again.expect("Username: ");
            again.send(user.username());
            again.expect("Password: ");
            again.send(user.password());
            assertThat(again.closedByServer()).isTrue();
            assertThat(again.all().toLowerCase()).contains("today's time is used up").doesNotContain("Hello, " + user.username());
        }
    }

    @Test
    void aSelfExcludedAccountCannotLogInOverTelnet() {
        TestServer.User user = SERVER.register("telnet-excluded");
        Wire browser = SERVER.connect(user);
        browser.send(new ClientMessage.WellbeingExclude(browser.nextId(), "30d"));
        browser.expect(ServerMessage.WellbeingInfo.class);
        try (TelnetClient client = TelnetClient.connect(SERVER.telnetPort(), TelnetClient.Options.plain())) {
            client.expect("Username: ");
            client.send(user.username());
            client.expect("Password: ");
            client.send(user.password());
            assertThat(client.closedByServer()).isTrue();
            assertThat(client.all().replace("\n", " ").toLowerCase()).contains("you excluded yourself until").contains("nobody can lift it early");
        }
    }
}
