package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.invite;
import static org.tryst.web.InBrowser.joinChannel;
import static org.tryst.web.InBrowser.newcomer;
import static org.tryst.web.InBrowser.registerWithPersona;
import static org.tryst.web.InBrowser.say;
import static org.tryst.web.InBrowser.sayInScene;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.Canary;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/**
 * The web client as people use it, in real Chromium against a real server: two people register in
 * separate browsers, make personas, meet in a channel and talk; one hides the page with the panic
 * key. Screenshots of the main screens land in {@code target/screenshots}.
 */
class WebClientTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    @Test
    void twoPeopleRegisterMeetInAChannelAndOneHidesThePage() {
        Browser.Page ann = browser.open(server.origin());
        assertThat(ann.title()).isEqualTo("Notes");
        String juno = TestServer.uniqueName("Juno");
        registerWithPersona(ann, TestServer.uniqueName("ann"), juno);
        ann.screenshot(SHOTS.resolve("register-done.png"));
        joinChannel(ann, "harbour");

        Browser.Page ben = browser.open(server.origin(), 390, 844);
        String kit = newcomer(ben, "ben", "Kit", "harbour");

        say(ann, "hello, harbour");
        ben.sees(text(juno + ": hello, harbour"));
        say(ben, "/me tips her hat");
        ann.sees(text("* " + kit + " tips her hat"));
        ann.sees(role("button", kit));
        ann.screenshot(SHOTS.resolve("channel.png"));
        ben.screenshot(SHOTS.resolve("channel-phone.png"));

        ann.press("Escape");
        ann.press("Escape");
        ann.sees(role("heading", "Notes"));
        assertThat(ann.evaluate("location.pathname").asText()).isEqualTo("/neutral.html");
        assertThat(ann.count(text("hello, harbour"))).isZero();
        // Whoever opens the page after it was hidden must log in again.
        ann.go(server.origin());
        ann.sees(role("heading", "Log in"));

        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void aSingleEscapeRightAfterThePageLoadsHidesNothing() {
        Browser.Page page = browser.open(server.origin());
        page.sees(role("heading", "Log in"));
        page.press("Escape");
        registerWithPersona(page, TestServer.uniqueName("early"), TestServer.uniqueName("Early"));
        assertThat(page.evaluate("location.pathname").asText()).isEqualTo("/");
        page.press("Escape");
        page.press("Escape");
        page.sees(role("heading", "Notes"));
    }

    @Test
    void twoPeopleAgreeToAPrivateSceneAndTalkEndToEndEncrypted() throws Exception {
        Canary canary = new Canary();
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "lighthouse");
        Browser.Page ben = browser.open(server.origin());
        String kit = newcomer(ben, "ben", "Kit", "lighthouse");

        ann.click(role("button", kit));
        ann.fill(label("A note with your invitation"), "Tea at the lighthouse?");
        invite(ann, kit);
        ben.click(role("button", "Invitations 1"));
        ben.sees(text("Tea at the lighthouse?"));
        ben.screenshot(SHOTS.resolve("invitation.png"));
        ben.click(role("button", "Accept"));
        ben.click(role("button", "Private scene with " + juno));
        ann.sees(role("heading", "Private scene with " + kit));

        sayInScene(ben, "Lead the way.");
        ann.sees(text(kit + ": Lead the way."));
        sayInScene(ann, "This way, up the stairs.");
        ben.sees(text(juno + ": This way, up the stairs."));
        ann.click(role("button", "Safety number with " + kit));
        ben.click(role("button", "Safety number with " + juno));
        String annSees = ann.text(label("Safety number with " + kit));
        assertThat(annSees).matches("(\\d{5} ){11}\\d{5}").isEqualTo(ben.text(label("Safety number with " + juno)));
        ann.screenshot(SHOTS.resolve("scene.png"));

        ben.reload();
        ben.click(role("button", "Private scene with " + juno));
        sayInScene(ben, "Still here after a reload.");
        ann.sees(text(kit + ": Still here after a reload."));
        sayInScene(ann, canary.phrase());
        ben.sees(text(juno + ": " + canary.phrase()));
        ben.click(role("button", "Safeword"));
        ann.sees(text("A scene is over: someone used the safeword."));
        ben.sees(text("You used the safeword: the scene is over for everyone, and they may not invite you again for 24 hours."));
        ann.seesNo(role("button", "Private scene with " + kit));
        ben.seesNo(role("button", "Private scene with " + juno));
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
        canary.assertNowhere(server.storageDirectories());
    }

    @Test
    void afterANetworkDropThePageReconnectsByItselfAndShowsWhatItMissedOnce() {
        Browser.Page ann = browser.open(server.origin());
        newcomer(ann, "ann", "Ann", "pier");
        Browser.Page ben = browser.open(server.origin());
        String benName = newcomer(ben, "ben", "Ben", "pier");
        say(ben, "before the drop");
        ann.sees(text("before the drop"));

        ann.offline(true);
        ann.sees(text("Offline, reconnecting"));
        say(ben, "while you were away");
        ann.offline(false);
        ann.sees(text("Connected"));
        ann.sees(text("while you were away"));
        say(ben, "after the drop");
        ann.sees(text("after the drop"));
        assertThat(ann.count(text("before the drop"))).isEqualTo(1);
        assertThat(ann.count(text("while you were away"))).isEqualTo(1);
        assertThat(ann.errors()).allMatch(error -> error.contains("ERR_INTERNET_DISCONNECTED") || error.contains("WebSocket"));
    }

    @Test
    void someoneAtAKeyboardAloneRegistersReviewsSessionsLogsOutAndDeletesTheAccount() {
        Browser.Page page = browser.open(server.origin());
        String username = TestServer.uniqueName("keys");
        page.sees(role("heading", "Log in"));
        page.press("Tab"); // the first control: the username field
        page.type(username);
        page.press("Tab");
        page.type(TestServer.PASSWORD);
        page.press("Tab"); // the submit button
        page.press("Tab"); // "Forgot your password?"
        page.press("Tab"); // "No account yet? Create one"
        page.press("Enter");
        page.fill(label("Username"), username);
        page.fill(label("Password"), TestServer.PASSWORD);
        page.press(label("I am 18 or older"), "Space");
        page.press(label("Password"), "Enter");
        // The recovery codes take the focus: past the download and the copy, "I have kept them" lets the person on.
        page.sees(role("heading", "Your recovery codes"));
        page.press("Tab");
        page.press("Tab");
        page.press("Tab");
        page.press("Enter");
        page.sees(text("You have no persona yet."));

        page.click(role("button", "Account").exactly());
        page.sees(text("(this one)"));
        page.screenshot(SHOTS.resolve("account.png"));
        page.click(role("button", "Log out"));
        page.sees(role("heading", "Log in"));
        assertThat(page.evaluate("indexedDB.databases().then(all => all.map(db => db.name))")).isEmpty();

        page.fill(label("Username"), username);
        page.fill(label("Password"), TestServer.PASSWORD);
        page.press(label("Password"), "Enter");
        page.click(role("button", "Account").exactly());
        page.fill(label("Your password").within(role("form", "Delete the account")), TestServer.PASSWORD);
        page.click(role("button", "Delete account"));
        page.sees(text("Your account and everything in it is deleted."));
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void olderLinesOfAChannelComeOnRequest() {
        TestServer.User sage = server.register("sage");
        try (var wire = server.connect(sage)) {
            var persona = TestServer.persona(wire, "Sage");
            wire.send(new org.tryst.protocol.ClientMessage.ChannelCreate(wire.nextId(), persona.id(), "archive", null));
            wire.expect(org.tryst.protocol.ServerMessage.ChannelJoined.class);
            for (int i = 1; i <= 60; i++) {
                wire.send(new org.tryst.protocol.ClientMessage.Say(wire.nextId(), persona.id(), "archive", "line number " + i + "."));
                wire.expect(org.tryst.protocol.ServerMessage.Sent.class);
            }
        }
        Browser.Page page = browser.open(server.origin());
        newcomer(page, "reader", "Reader", "archive");
        page.sees(text("line number 60."));
        assertThat(page.count(text("line number 1."))).isZero();
        page.click(role("button", "Show older messages"));
        page.sees(text("line number 1."));
        assertThat(page.count(text("line number 11."))).isEqualTo(1);
    }

    @Test
    void aNewChannelOffersNoOlderLines() {
        Browser.Page page = browser.open(server.origin());
        String channel = TestServer.uniqueName("fresh").toLowerCase();
        newcomer(page, "first", "First", channel);
        page.sees(role("heading", "#" + channel));
        page.seesNo(role("button", "Show older messages"));
    }

    @Test
    void aWrongPasswordAndAMissingAdultConfirmationAreExplained() {
        Browser.Page page = browser.open(server.origin());
        page.fill(label("Username"), "nobody-here");
        page.fill(label("Password"), "not the password");
        page.click(role("button", "Log in"));
        page.sees(text("That username and password do not match an account."));
        page.click(role("button", "No account yet? Create one"));
        page.fill(label("Username"), TestServer.uniqueName("minor"));
        page.fill(label("Password"), "a long enough passphrase");
        page.click(role("button", "Create account"));
        page.sees(text("Tryst is for adults only"));
    }
}
