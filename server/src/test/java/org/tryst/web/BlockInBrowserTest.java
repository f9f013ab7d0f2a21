package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.newcomer;
import static org.tryst.web.InBrowser.say;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/** Blocking from a profile in the web client, and unblocking from the account page, in real Chromium. */
class BlockInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    @Test
    void someoneBlocksFromAProfileAndTheOtherSimplyNoLongerSeesThem() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "meadow");
        Browser.Page ben = browser.open(server.origin());
        String kit = newcomer(ben, "ben", "Kit", "meadow");
        ben.sees(role("button", juno).exactly());

        ann.click(role("button", kit).exactly());
        ann.sees(role("button", "Block everyone behind " + kit));
        ann.screenshot(SHOTS.resolve("profile-block.png"));
        ann.click(role("button", "Block " + kit).exactly());
        ann.sees(text("You blocked " + kit + ". They are not told."));
        ben.seesNo(role("button", juno).exactly());

        // Kit's line never reaches Ann: her own later line arrives, Kit's earlier one does not.
        say(ben, "anyone here?");
        ben.sees(text(kit + ": anyone here?"));
        ann.click(role("button", "#meadow"));
        say(ann, "quiet morning");
        ann.sees(text(juno + ": quiet morning"));
        assertThat(ann.count(text("anyone here?"))).isZero();
        assertThat(ben.count(text("quiet morning"))).isZero();

        ann.click(role("button", "Account").exactly());
        ann.sees(text(kit + " · blocked"));
        ann.screenshot(SHOTS.resolve("account-blocked.png"));
        ann.click(role("button", "Unblock"));
        ann.sees(text("Nobody. Block or mute from a persona's profile."));
        ben.sees(role("button", juno).exactly());
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }
}
