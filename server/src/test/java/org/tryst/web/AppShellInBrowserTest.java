package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.acceptAndOpen;
import static org.tryst.web.InBrowser.joinChannel;
import static org.tryst.web.InBrowser.newcomer;
import static org.tryst.web.InBrowser.openFromList;
import static org.tryst.web.InBrowser.say;
import static org.tryst.web.InBrowser.sayInScene;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/**
 * The web client's shell in real Chromium, at a desktop's size and a phone's: what arrives from
 * another browser shows where the person is not looking (unread counts, a mention, a toast for an
 * invitation), and an invitation answered on one device leaves the others at once; on a phone a
 * scene's lines fill the screen above a message box that stays in view;
 * the focus follows navigation; and a confirmation
 * stays with the view it belongs to.
 */
class AppShellInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static final Browser.Element LIST = role("navigation", "Conversations");

    @Test
    void aLineAndAnInvitationFromAnotherBrowserShowAsUnreadAndAsAToastOnADesktop() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "plaza");
        joinChannel(ann, "quay");
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        String kit = newcomer(ben, "ben", "Kit", "plaza");

        say(ben, "first from the plaza");
        ann.sees(role("button", "#plaza 1 unread").within(LIST));
        say(ben, juno + ", are you there?");
        ann.sees(role("button", "#plaza 2 unread mentions you").within(LIST));
        ann.screenshot(SHOTS.resolve("unread.png"));
        assertThat(ann.count(text("first from the plaza"))).as("the lines wait in their conversation").isZero();

        openFromList(ann, "#plaza");
        ann.sees(text("New").exactly());
        ann.sees(text(kit + ": " + juno + ", are you there?"));
        ann.sees(role("button", "#plaza").exactly().within(LIST));
        say(ben, "and now you see it");
        ann.sees(text(kit + ": and now you see it"));
        assertThat(ann.count(role("button", "#plaza 1 unread"))).as("a line where the person looks is read").isZero();

        say(ben, "/invite " + juno + " tea by the fountain?");
        ann.sees(text(kit + " invites " + juno + " into a private scene."));
        ann.sees(role("button", "Invitations 1").within(LIST));
        ann.screenshot(SHOTS.resolve("invitation-toast.png"));
        ann.click(role("button", "Show the invitation"));
        ann.sees(role("heading", "Invitations"));
        ann.sees(text("“tea by the fountain?”"));
        ann.seesNo(role("button", "Show the invitation"));
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void onAPhoneTheWayBackCountsWhatIsUnreadAndTheInvitationToastShowsOverTheView() {
        Browser.Page ann = browser.open(server.origin(), 390, 844);
        String juno = newcomer(ann, "ann", "Juno", "market");
        joinChannel(ann, "pier");
        Browser.Page ben = browser.open(server.origin());
        String kit = newcomer(ben, "ben", "Kit", "market");

        say(ben, "fresh bread at the market");
        ann.sees(role("button", "Conversations 1 unread"));
        ann.click(role("button", "Conversations 1 unread"));
        ann.sees(role("button", "#market 1 unread").within(LIST));
        ann.screenshot(SHOTS.resolve("conversations-phone.png"));
        openFromList(ann, "#market");
        ann.sees(text(kit + ": fresh bread at the market"));

        say(ben, "/invite " + juno);
        ann.sees(text(kit + " invites " + juno + " into a private scene."));
        ann.screenshot(SHOTS.resolve("invitation-toast-phone.png"));
        ann.click(role("button", "Show the invitation"));
        ann.sees(role("heading", "Invitations"));
        ann.sees(role("button", "Accept and agree"));
        assertThat(ann.errors()).isEmpty();
    }

    @Test
    void anInvitationAcceptedOnOneDeviceLeavesTheOtherAtOnceWithItsToastAndCount() {
        String user = TestServer.uniqueName("ann");
        String juno = TestServer.uniqueName("Juno");
        Browser.Page phone = browser.open(server.origin(), 390, 844);
        InBrowser.registerWithPersona(phone, user, juno);
        joinChannel(phone, "harbour");
        Browser.Page desk = browser.open(server.origin());
        InBrowser.logIn(desk, user);
        desk.sees(role("button", "#harbour").within(LIST));
        Browser.Page ben = browser.open(server.origin());
        String kit = newcomer(ben, "ben", "Kit", "harbour");

        say(ben, "/invite " + juno + " a walk by the water?");
        String toast = kit + " invites " + juno + " into a private scene.";
        desk.sees(text(toast));
        desk.sees(role("button", "Invitations 1").within(LIST));
        phone.sees(text(toast));
        phone.click(role("button", "Show the invitation"));
        phone.click(role("button", "Accept and agree"));
        phone.sees(text("Accepted: you join as soon as they add you."));

        desk.seesNo(text(toast));
        desk.sees(role("button", "Invitations").exactly().within(LIST));
        openFromList(desk, "Invitations");
        desk.sees(role("heading", "Invitations"));
        desk.sees(text("Nobody is inviting you right now."));
        desk.seesNo(role("button", "Accept and agree"));
        desk.screenshot(SHOTS.resolve("invitation-answered-elsewhere.png"));
        // Once Kit's device has added Juno, Kit's list of invitations sent is empty again.
        phone.sees(text("You joined the private scene with " + kit + "."));
        openFromList(ben, "Invitations");
        ben.sees(role("heading", "Invitations"));
        ben.seesNo(role("heading", "Sent"));
        assertThat(desk.errors()).isEmpty();
        assertThat(phone.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    /** Where the lines, the newest line and the message box are on the screen, in CSS pixels. */
    private record Layout(int wholeLines, double paneBottom, double newestBottom, double boxTop, double boxBottom, double headerHeight, int height) {
        static Layout of(Browser.Page page) {
            // Measured after two frames: a resize reaches the page's handlers before the next frame is drawn.
            JsonNode found = page.evaluate("""
                    (async () => {
                      await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
                      const pane = document.querySelector('main .lines').getBoundingClientRect();
                      const lines = [...document.querySelectorAll('main .lines > li:not(.agreement)')];
                      const whole = lines.filter((li) => { const r = li.getBoundingClientRect(); return r.top >= pane.top - 1 && r.bottom <= pane.bottom + 1; });
                      const box = document.querySelector('main .compose').getBoundingClientRect();
                      return { whole: whole.length, paneBottom: pane.bottom, newest: lines.at(-1).getBoundingClientRect().bottom,
                        boxTop: box.top, boxBottom: box.bottom, header: document.querySelector('main .view-head').getBoundingClientRect().height,
                        height: innerHeight };
                    })()""");
            return new Layout(found.get("whole").asInt(), found.get("paneBottom").asDouble(), found.get("newest").asDouble(),
                    found.get("boxTop").asDouble(), found.get("boxBottom").asDouble(), found.get("header").asDouble(), found.get("height").asInt());
        }
    }

    @Test
    void onAPhoneASceneShowsTenLinesAndItsMessageBoxStaysInViewAsTheKeyboardOpens() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "cliff");
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        String kit = newcomer(ben, "ben", "Kit", "cliff");
        ann.click(role("button", kit).exactly());
        InBrowser.invite(ann, kit);
        acceptAndOpen(ben, juno);
        ann.sees(role("heading", "Private scene with " + kit));
        for (int i = 1; i <= 12; i++) {
            Browser.Page speaker = i % 2 == 0 ? ann : ben;
            sayInScene(speaker, "line " + i + " of the evening");
            (speaker == ann ? ben : ann).sees(text("line " + i + " of the evening"));
        }

        Layout closed = Layout.of(ben);
        ben.screenshot(SHOTS.resolve("scene-phone.png"));
        assertThat(closed.wholeLines()).as("lines shown whole with the keyboard closed").isGreaterThanOrEqualTo(10);
        assertThat(closed.headerHeight()).as("the scene's header").isLessThanOrEqualTo(60);
        assertThat(closed.newestBottom()).as("the newest line is in view").isLessThanOrEqualTo(closed.paneBottom() + 1);
        assertThat(closed.boxBottom()).as("the message box is on the screen").isLessThanOrEqualTo(closed.height());
        assertThat(closed.boxTop()).as("the message box is below the lines, not over them").isGreaterThanOrEqualTo(closed.paneBottom() - 1);

        // A phone's keyboard takes the bottom of the screen (Chrome on Android resizes the page for it, as asked).
        ben.click(label("Message to this scene"));
        ben.resize(390, 480);
        Layout open = Layout.of(ben);
        ben.screenshot(SHOTS.resolve("scene-keyboard-phone.png"));
        assertThat(open.boxBottom()).as("the message box stays above the keyboard").isLessThanOrEqualTo(open.height());
        assertThat(open.newestBottom()).as("the newest line stays in view").isLessThanOrEqualTo(open.paneBottom() + 1);
        assertThat(open.wholeLines()).isGreaterThanOrEqualTo(4);
        assertThat(ben.evaluate("document.activeElement.id").asText()).isEqualTo("scene-compose");
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void aNameThatBreaksItsRuleIsRefusedWithTheRule() {
        Browser.Page page = browser.open(server.origin(), 390, 844);
        page.click(role("button", "No account yet? Create one"));
        page.fill(label("Username"), "a!");
        page.fill(label("Password"), TestServer.PASSWORD);
        page.check(label("I am 18 or older"));
        page.click(role("button", "Create account"));
        page.sees(text("A username is 3 to 32 of a–z, 0–9, _ . and -, starting with a letter or digit."));
        page.fill(label("Username"), TestServer.uniqueName("rules"));
        page.click(role("button", "Create account"));
        InBrowser.keepRecoveryCodes(page);
        page.sees(text("You have no persona yet."));
        page.fill(label("Name"), "7 Seas");
        page.click(role("button", "Create persona"));
        page.sees(text("A persona name is 2 to 32 letters, digits, spaces or ' _ . -, starting with a letter."));
        String persona = TestServer.uniqueName("Rule");
        page.fill(label("Name"), persona);
        page.click(role("button", "Create persona"));
        page.sees(text("You created " + persona + "."));
        page.fill(label("Join or open a channel"), "Quiet Room");
        page.click(role("button", "Join"));
        page.sees(text("A channel name is 2 to 32 of a–z, 0–9 and -."));
        assertThat(page.evaluate("document.querySelector('input[name=channel]').value").asText()).isEqualTo("Quiet Room");
    }

    @Test
    void theFocusFollowsNavigationAndAConfirmationStaysWithItsView() {
        Browser.Page phone = browser.open(server.origin(), 390, 844);
        String other = newcomer(phone, "phone", "Phone", "library");
        assertThat(phone.evaluate("document.activeElement.tagName").asText())
                .as("on a phone the heading, so that no keyboard opens over the channel just opened").isEqualTo("H1");

        Browser.Page desk = browser.open(server.origin());
        String persona = newcomer(desk, "desk", "Desk", "library");
        assertThat(desk.evaluate("document.activeElement.id").asText()).as("ready to type in the channel opened").isEqualTo("compose");
        openFromList(desk, "Account");
        assertThat(desk.evaluate("document.activeElement.textContent").asText()).isEqualTo("Account");
        openFromList(desk, "Profile of " + persona);
        desk.click(role("button", "Save").exactly());
        desk.sees(text(persona + " is saved.").within(role("form", "About " + persona)));

        openFromList(desk, "#library");
        desk.click(role("button", other).exactly());
        InBrowser.invite(desk, other);
        openFromList(desk, "#library");
        desk.seesNo(text("You invited " + other));
    }

    @Test
    void theThemeFollowsTheSystemUntilThePersonChoosesOneAndTheChoiceIsKept() {
        Browser.Page page = browser.open(server.origin());
        newcomer(page, "night", "Night", "observatory");
        assertThat(page.evaluate("document.documentElement.dataset.theme ?? 'system'").asText()).isEqualTo("system");
        openFromList(page, "Account");
        page.check(label("Dark"));
        assertThat(page.evaluate("document.documentElement.dataset.theme").asText()).isEqualTo("dark");
        assertThat(page.evaluate("getComputedStyle(document.body).backgroundColor").asText()).isEqualTo("rgb(20, 21, 25)");
        page.screenshot(SHOTS.resolve("account-dark.png"));
        page.reload();
        openFromList(page, "#observatory");
        assertThat(page.evaluate("document.documentElement.dataset.theme").asText()).isEqualTo("dark");
        page.screenshot(SHOTS.resolve("channel-dark.png"));
        openFromList(page, "Account");
        page.check(label("As the system"));
        assertThat(page.evaluate("document.documentElement.dataset.theme ?? 'system'").asText()).isEqualTo("system");
    }
}
