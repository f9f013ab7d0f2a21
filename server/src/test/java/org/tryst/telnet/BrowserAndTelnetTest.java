package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;
import org.tryst.web.Chromium;
import org.tryst.web.InBrowser;

/**
 * Someone in the web client and someone with a MUD client over telnet in the same room of the
 * world, in real Chromium and through a telnet socket: each sees the other arrive, talk and pose.
 */
class BrowserAndTelnetTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static final Browser.Element COMMAND = label("World command");

    @Test
    void aBrowserUserAndAMudClientUserMeetInTheCourtyard() {
        Browser.Page page = browser.open(server.origin());
        String juno = TestServer.uniqueName("Juno");
        InBrowser.registerWithPersona(page, TestServer.uniqueName("ann"), juno);
        InBrowser.openFromList(page, "World");
        page.sees(role("heading", "The Courtyard"));

        try (TelnetClient mud = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.mudlet())) {
            String kit = Players.playAsNew(mud, server.register("ben"), "Kit");
            page.sees(text(kit + " enters the world."));
            mud.send("look");
            mud.expect(juno);

            page.fill(COMMAND, "say Good evening.");
            page.press(COMMAND, "Enter");
            mud.expect(juno + " says, \"Good evening.\"");
            page.fill(COMMAND, ":waves.");
            page.press(COMMAND, "Enter");
            mud.expect(juno + " waves.");

            mud.send("\"Hello from the terminal.");
            page.sees(text(kit + " says, “Hello from the terminal.”"));
            mud.send(":bows.");
            page.sees(text(kit + " bows."));
        }
        assertThat(page.errors()).isEmpty();
    }
}
