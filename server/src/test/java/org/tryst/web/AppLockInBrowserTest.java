package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.newcomer;
import static org.tryst.web.InBrowser.openFromList;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/**
 * The app lock in real Chromium: a PIN set on this device is asked when the page opens and after
 * the chosen time without use, nothing of the conversations is in the page while it is locked,
 * wrong PINs count down, and whoever forgot the PIN logs out and comes back with the password.
 */
class AppLockInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static final Browser.Element LOCKED = role("heading", "Locked");

    @Test
    void aPinLocksTheAppAtOpeningOnDemandAndAfterIdleTime() {
        Browser.Page page = browser.open(server.origin());
        String username = TestServer.uniqueName("locker");
        InBrowser.registerWithPersona(page, username, TestServer.uniqueName("Lark"));
        InBrowser.joinChannel(page, "hideaway");
        openFromList(page, "Account");

        page.fill(label("PIN"), "12");
        page.fill(label("The same PIN again"), "12");
        page.click(role("button", "Lock with this PIN"));
        page.sees(text("A PIN has at least 4 characters."));
        page.fill(label("PIN"), "2468");
        page.fill(label("The same PIN again"), "2469");
        page.click(role("button", "Lock with this PIN"));
        page.sees(text("The two PINs differ."));
        page.select(label("Lock after"), "5 minutes without use");
        page.fill(label("The same PIN again"), "2468");
        page.click(role("button", "Lock with this PIN"));
        page.sees(text("This device now locks after 5 minutes without use, and when the page opens."));
        page.screenshot(SHOTS.resolve("lock-settings.png"));

        page.click(role("button", "Lock"));
        page.sees(LOCKED);
        assertThat(page.count(text("#hideaway"))).as("nothing of the conversations is in the locked page").isZero();
        page.fill(label("PIN"), "1111");
        page.click(role("button", "Unlock"));
        page.sees(text("That is not the PIN. 9 tries left before this device logs out."));
        page.screenshot(SHOTS.resolve("lock.png"));
        unlock(page);

        page.reload();
        page.sees(LOCKED);
        assertThat(page.count(text("#hideaway"))).isZero();
        unlock(page);

        // Time without use, on a clock the test moves: the page's own timers are taken over from a reload.
        page.installClock();
        page.reload();
        unlock(page);
        page.fastForward(Duration.ofMinutes(4));
        assertThat(page.count(LOCKED)).as("four minutes is not yet five").isZero();
        page.fastForward(Duration.ofMinutes(2));
        page.sees(LOCKED);
        unlock(page);

        page.resize(390, 844);
        page.click(role("button", "Lock"));
        page.sees(LOCKED);
        page.screenshot(SHOTS.resolve("lock-phone.png"));
        page.click(role("button", "Forgot the PIN? Log out, and log in with your password"));
        page.sees(role("button", "Log in"));
        InBrowser.logIn(page, username);
        page.sees(role("navigation", "Conversations"));
        page.reload();
        assertThat(page.count(LOCKED)).as("a forgotten PIN is gone with the log-out").isZero();
        page.sees(role("navigation", "Conversations"));
    }

    @Test
    void tenWrongPinsLogTheDeviceOut() {
        Browser.Page page = browser.open(server.origin(), 390, 844);
        newcomer(page, "guessed", "Wren", "burrow");
        openFromList(page, "Account");
        page.fill(label("PIN"), "8642");
        page.fill(label("The same PIN again"), "8642");
        page.click(role("button", "Lock with this PIN"));
        page.sees(text("This device now locks after 5 minutes without use, and when the page opens."));
        page.reload();
        page.sees(LOCKED);
        for (int left = 9; left > 0; left--) {
            page.fill(label("PIN"), "0000");
            page.click(role("button", "Unlock"));
            page.sees(text("That is not the PIN. " + left + (left == 1 ? " try" : " tries") + " left before this device logs out."));
        }
        page.fill(label("PIN"), "0000");
        page.click(role("button", "Unlock"));
        page.sees(role("button", "Log in"));
        page.reload();
        page.sees(role("button", "Log in"));
    }

    private static void unlock(Browser.Page page) {
        page.sees(LOCKED);
        page.fill(label("PIN"), "2468");
        page.click(role("button", "Unlock"));
        page.sees(role("navigation", "Conversations"));
    }
}
