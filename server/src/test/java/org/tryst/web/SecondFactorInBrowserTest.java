package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.css;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.openFromList;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.accounts.Authenticator;
import org.tryst.testkit.Browser;

/**
 * An authenticator app and recovery codes in real Chromium, as a person meets them: the codes shown
 * once at registration, the app set up from the account page with its QR code and secret, a log-in
 * that asks for the code, a forgotten password set anew with a recovery code, and the data download;
 * on a phone and on a desktop.
 */
class SecondFactorInBrowserTest {
    private static final MutableClock CLOCK = new MutableClock();
    private static final Pattern CODE = Pattern.compile("[0-9a-z]{4}(?:-[0-9a-z]{4}){3}");

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with(CLOCK);
    @RegisterExtension
    static final Chromium browser = new Chromium();

    @Test
    void theAppIsSetUpFromTheAccountPageAndAskedForAtLogIn() {
        Browser.Page page = browser.open(SERVER.origin(), 390, 844);
        String username = TestServer.uniqueName("guarded");
        page.click(role("button", "No account yet? Create one"));
        page.fill(label("Username"), username);
        page.fill(label("Password"), TestServer.PASSWORD);
        page.check(label("I am 18 or older"));
        page.click(role("button", "Create account"));
        page.sees(role("heading", "Your recovery codes"));
        List<String> codes = codes(page.text(css(".recovery-codes .codes")));
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        page.screenshot(SHOTS.resolve("recovery-codes-phone.png"));
        page.click(role("button", "I have kept them"));
        page.sees(text("You have no persona yet."));
        String persona = TestServer.uniqueName("Kestrel");
        page.fill(label("Name"), persona);
        page.click(role("button", "Create persona"));
        page.sees(text("You created " + persona + "."));
        page.resize(1280, 860);

        openFromList(page, "Account");
        page.sees(text("Only your password protects this account."));
        page.fill(label("Your password").within(css(".security")), TestServer.PASSWORD);
        page.click(role("button", "Set up an authenticator app"));
        page.sees(role("img", "QR code of the new secret, for an authenticator app"));
        String secret = page.text(css(".security .secret")).replace(" ", "");
        page.screenshot(SHOTS.resolve("totp-setup.png"));
        page.fill(label("The six digits the app shows"), "000000".equals(code(secret)) ? "111111" : "000000");
        page.click(role("button", "Confirm"));
        page.sees(text("That code is wrong or was used already"));
        page.fill(label("The six digits the app shows"), code(secret));
        page.click(role("button", "Confirm"));
        page.sees(text("The authenticator app is set up"));

        page.click(role("button", "Log out"));
        InBrowser.logIn(page, username);
        page.sees(role("heading", "Your code"));
        CLOCK.advance(Duration.ofSeconds(30));
        page.fill(label("Code from your authenticator app"), code(secret));
        page.click(role("button", "Log in"));
        page.sees(role("navigation", "Conversations"));

        page.resize(390, 844);
        page.sees(role("button", "Conversations"));
        openFromList(page, "Account");
        page.click(role("button", "Log out"));
        page.click(role("button", "Forgot your password?"));
        page.fill(label("Username"), username);
        page.fill(label("Recovery code"), codes.get(2));
        page.fill(label("New password"), "a passphrase after forgetting the old one");
        page.screenshot(SHOTS.resolve("recover-phone.png"));
        page.click(role("button", "Set password"));
        page.sees(role("heading", "Your code"));
        page.fill(label("Code from your authenticator app"), codes.get(3));
        page.click(role("button", "Log in"));
        page.sees(role("button", "Conversations"));
        page.screenshot(SHOTS.resolve("recovered-phone.png"));
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void myDataIsOneClickAwayOnTheAccountPage() {
        Browser.Page page = browser.open(SERVER.origin());
        InBrowser.registerWithPersona(page, TestServer.uniqueName("downloader"), TestServer.uniqueName("Wren"));
        openFromList(page, "Account");
        page.sees(role("heading", "Your data"));
        Browser.Page.Download download = page.download(role("link", "Download my data"));
        assertThat(download.name()).startsWith("tryst-downloader").endsWith(".zip");
        page.screenshot(SHOTS.resolve("your-data.png"));
    }

    private static List<String> codes(String text) {
        Matcher matcher = CODE.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) found.add(matcher.group());
        return found;
    }

    private static String code(String secret) {
        return Authenticator.code(secret, CLOCK);
    }
}
