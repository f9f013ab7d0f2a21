package org.tryst.web;

import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.newcomer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/** While the connection is down, a channel's member list says so instead of showing who was online when it dropped. */
class OfflinePresenceInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    @Test
    void membersAreNotShownOnlineWhileTheServerIsGone() {
        Browser.Page page = browser.open(server.origin());
        String channel = TestServer.uniqueName("garden").toLowerCase();
        String persona = newcomer(page, "wren", "Wren", channel);
        Browser.Element members = role("complementary", "Who is here");
        page.sees(text(persona + " online").within(members));

        server.stop();
        page.sees(text("Offline: who is here now is not known until the connection is back.").within(members));
        page.seesNo(text("online").exactly().within(members));
    }
}
