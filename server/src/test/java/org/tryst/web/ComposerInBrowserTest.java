package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.joinChannel;
import static org.tryst.web.InBrowser.newcomer;
import static org.tryst.web.InBrowser.openFromList;
import static org.tryst.web.InBrowser.say;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/**
 * The message box in real Chromium, beyond what it sends: a line of several lines (Shift+Enter), a
 * draft kept per conversation, and the palette of `./tryst chat`'s commands, completed with the
 * keyboard and carried out without a word reaching the channel.
 */
class ComposerInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static String box(Browser.Page page) {
        return page.evaluate("document.getElementById('compose').value").asText();
    }

    @Test
    void shiftEnterStartsANewLineAndEnterSendsTheLinesAsOne() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "verse");
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        newcomer(ben, "ben", "Kit", "verse");

        ann.click(label("Message to #verse"));
        ann.type("roses are red");
        ann.press("Shift+Enter");
        ann.type("the sea is grey");
        assertThat(box(ann)).isEqualTo("roses are red\nthe sea is grey");
        ann.press("Enter");
        ben.sees(text(juno + ": roses are red the sea is grey"));
        assertThat(ben.evaluate("document.querySelector('main .lines').innerText.includes('roses are red\\nthe sea is grey')").asBoolean())
                .as("shown on two lines").isTrue();
        assertThat(box(ann)).isEmpty();
        ben.screenshot(SHOTS.resolve("lines-phone.png"));
    }

    @Test
    void aDraftStaysWithItsConversationWhileThePersonIsElsewhere() {
        Browser.Page page = browser.open(server.origin(), 390, 844);
        newcomer(page, "drafter", "Drafter", "north");
        joinChannel(page, "south");
        page.fill(label("Message to #south"), "half a thought about the south");
        openFromList(page, "#north");
        assertThat(box(page)).isEmpty();
        page.fill(label("Message to #north"), "and one about the north");
        openFromList(page, "Account");
        openFromList(page, "#south");
        assertThat(box(page)).isEqualTo("half a thought about the south");
        openFromList(page, "#north");
        assertThat(box(page)).isEqualTo("and one about the north");
    }

    @Test
    void thePaletteOffersTheCommandsAsTheyAreTypedAndTheKeyboardCompletesThem() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "gallery");
        Browser.Page ben = browser.open(server.origin());
        String kit = newcomer(ben, "ben", "Kit", "gallery");
        ben.sees(role("button", juno).exactly());

        ann.click(label("Message to #gallery"));
        ann.type("/bl");
        Browser.Element palette = role("listbox", "Commands");
        ann.sees(role("option", "/block NAME [account]").within(palette));
        ann.sees(role("option", "/blocked").within(palette));
        assertThat(ann.count(role("option").within(palette))).isEqualTo(2);
        ann.screenshot(SHOTS.resolve("palette.png"));
        ann.press("ArrowDown");
        assertThat(ann.attribute(role("option", "/blocked"), "aria-selected")).isEqualTo("true");
        ann.press("Tab");
        assertThat(box(ann)).isEqualTo("/blocked");
        ann.press("Enter");
        ann.sees(text("You have blocked or muted nobody."));
        assertThat(box(ann)).isEmpty();

        ann.type("/bl");
        ann.press("Enter");
        assertThat(box(ann)).as("Enter completes the command chosen").isEqualTo("/block ");
        ann.type(kit);
        ann.press("Enter");
        ann.sees(text("You blocked " + kit + ": they cannot see you, reach you or invite you. They are not told."));
        ben.seesNo(role("button", juno).exactly());

        ann.type("/me");
        ann.press("Escape");
        ann.seesNo(palette);
        ann.type(" waves to the room");
        ann.press("Enter");
        ann.sees(text("* " + juno + " waves to the room"));
        assertThat(ben.count(text("/bl"))).isZero();
        assertThat(ben.count(text("waves to the room"))).as("the block keeps Juno's lines from Kit").isZero();
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void theTerminalsCommandsWorkFromTheMessageBox() {
        Browser.Page page = browser.open(server.origin());
        String first = newcomer(page, "many", "Many", "atrium");
        String second = TestServer.uniqueName("Other");
        say(page, "/persona new " + second);
        page.sees(text("You created " + second + "."));
        say(page, "/personas");
        Browser.Element answer = role("status", "Answer");
        page.sees(text(first + " (you speak as this one)").within(answer));
        page.sees(text(second).exactly().within(answer));
        say(page, "/who");
        page.sees(text(first + " · online · owner"));
        say(page, "/boundaries set pain no");
        page.sees(text("Saved: Pain no."));
        say(page, "/join cellar");
        page.sees(role("heading", "#cellar"));
        say(page, "/leave");
        page.sees(role("heading", "Channels"));
        assertThat(page.count(role("button", "#cellar").within(role("navigation", "Conversations")))).isZero();
        openFromList(page, "#atrium");
        say(page, "/invitations");
        page.sees(role("heading", "Invitations"));
    }
}
