package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/**
 * A moderator's notices as the person meets them in the browser: a warning says it is one and stays until read, and a
 * suspension made with {@code ./tryst admin} says why and until when on the log-in screen it
 * leads to, instead of only that the session ended.
 */
class ModeratorNoticesInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    @Test
    void aWarningAndThenASuspensionSayWhyAndUntilWhen() {
        Browser.Page page = browser.open(server.origin());
        String username = TestServer.uniqueName("ash");
        InBrowser.registerWithPersona(page, username, TestServer.uniqueName("Ash"));

        assertThat(server.admin("warn", username, "--reason", "keep it civil in the lobby")).isZero();
        Browser.Element fromModerators = role("alert", "From the moderators");
        page.sees(text("A moderator warns you: keep it civil in the lobby.").within(fromModerators));
        // Sent once and kept nowhere else, a warning stays through what the person does until they dismiss it.
        page.click(role("button", "Account"));
        page.click(role("button", "Channels and personas"));
        page.sees(text("A moderator warns you: keep it civil in the lobby.").within(fromModerators));
        page.screenshot(SHOTS.resolve("warned.png"));
        page.click(role("button", "I have read this"));
        page.seesNo(fromModerators);

        assertThat(server.admin("suspend", username, "--hours", "2", "--reason", "harassment after a warning")).isZero();
        page.sees(text("harassment after a warning. You cannot use Tryst until then."));
        page.sees(role("button", "Log in"));
        page.screenshot(SHOTS.resolve("suspended.png"));
        assertThat(page.evaluate("document.body.innerText").asText()).contains("A moderator suspended this account until ");
    }
}
