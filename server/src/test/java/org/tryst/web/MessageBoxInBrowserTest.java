package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.acceptAndOpen;
import static org.tryst.web.InBrowser.invite;
import static org.tryst.web.InBrowser.newcomer;
import static org.tryst.web.InBrowser.say;
import static org.tryst.web.InBrowser.sayInScene;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/**
 * The message box of channels and scenes in real Chromium: it empties as a line is sent, while the
 * server's answer is held back, gives back a line the server refuses, and never sends a command it
 * does not know. The answers are held in the page itself, until the test lets them through.
 */
class MessageBoxInBrowserTest {
    private static final int MAX_TEXT = 60;
    @RegisterExtension
    static final TestServer server = TestServer.sqlite().with("TRYST_ROOMS_MAX_TEXT_LENGTH", String.valueOf(MAX_TEXT));
    @RegisterExtension
    static final Chromium browser = new Chromium();

    /**
     * From now on, the page's answers to its requests of this type wait until {@link #letAnswersThrough};
     * events (the relayed line itself) still arrive at once.
     */
    private static void holdAnswers(Browser.Page page, String type) {
        page.evaluate("""
                (() => {
                  const type = "%s";
                  const asked = new Set();
                  const held = [];
                  let holding = true;
                  window.letAnswersThrough = () => { holding = false; held.splice(0).forEach((deliver) => deliver()); };
                  const send = WebSocket.prototype.send;
                  WebSocket.prototype.send = function (data) {
                    const frame = JSON.parse(data);
                    if (frame.type === type) asked.add(frame.id);
                    if (!this.holdsAnswers) {
                      this.holdsAnswers = true;
                      const received = this.onmessage;
                      this.onmessage = (event) => {
                        const id = JSON.parse(event.data).id;
                        if (holding && asked.has(id)) held.push(() => received.call(this, event));
                        else received.call(this, event);
                      };
                    }
                    return send.call(this, data);
                  };
                })()""".formatted(type));
    }

    private static void letAnswersThrough(Browser.Page page) {
        page.evaluate("window.letAnswersThrough()");
    }

    private static String box(Browser.Page page, String id) {
        return page.evaluate("document.getElementById('" + id + "').value").asText();
    }

    @Test
    void aChannelLineLeavesTheBoxAsItIsSentSoTheNextIsTypedOnItsOwn() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "harbour");
        Browser.Page ben = browser.open(server.origin());
        newcomer(ben, "ben", "Kit", "harbour");

        holdAnswers(ann, "say");
        say(ann, "first line");
        ben.sees(text(juno + ": first line"));
        assertThat(box(ann, "compose")).isEmpty();
        ann.type("second line typed right after");
        assertThat(box(ann, "compose")).isEqualTo("second line typed right after");

        letAnswersThrough(ann);
        ann.press(label("Message to #harbour"), "Enter");
        ben.sees(text(juno + ": second line typed right after"));
        assertThat(ben.count(text("first line"))).isEqualTo(1);
        assertThat(box(ann, "compose")).isEmpty();
        assertThat(ann.errors()).isEmpty();
    }

    @Test
    void aSceneLineLeavesTheBoxAsItIsSentSoTheNextIsTypedOnItsOwn() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "cove");
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        String kit = newcomer(ben, "ben", "Kit", "cove");
        ann.click(role("button", kit).exactly());
        invite(ann, kit);
        acceptAndOpen(ben, juno);
        ann.sees(role("heading", "Private scene with " + kit));
        sayInScene(ann, "welcome");
        ben.sees(text(juno + ": welcome"));

        holdAnswers(ben, "scene.send");
        sayInScene(ben, "first line");
        ann.sees(text(kit + ": first line"));
        assertThat(box(ben, "scene-compose")).isEmpty();
        ben.type("second line typed right after");
        assertThat(box(ben, "scene-compose")).isEqualTo("second line typed right after");

        letAnswersThrough(ben);
        ben.sees(text(kit + ": first line"));
        ben.press(label("Message to this scene"), "Enter");
        ann.sees(text(kit + ": second line typed right after"));
        assertThat(ann.count(text("first line"))).isEqualTo(1);
        assertThat(box(ben, "scene-compose")).isEmpty();
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void aLineTheServerRefusesComesBackInFrontOfWhatWasTypedSince() {
        Browser.Page ann = browser.open(server.origin());
        newcomer(ann, "ann", "Ann", "quay");
        String tooLong = "a line longer than this server allows, ".repeat(3).strip();
        assertThat(tooLong).hasSizeGreaterThan(MAX_TEXT);

        holdAnswers(ann, "say");
        say(ann, tooLong);
        assertThat(box(ann, "compose")).isEmpty();
        ann.type("and more");
        letAnswersThrough(ann);
        ann.sees(text("That is longer than this server allows. What you wrote is back in the message box."));
        assertThat(box(ann, "compose")).isEqualTo(tooLong + " and more");
    }

    @Test
    void unknownCommandsAreNeverPostedAndTheKnownOnesAreListed() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "square");
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        String kit = newcomer(ben, "ben", "Kit", "square");

        say(ben, "/help");
        ben.sees(text("/me TEXT"));
        assertThat(box(ben, "compose")).isEmpty();
        ben.screenshot(SHOTS.resolve("channel-help-phone.png"));
        say(ann, "/roll 2d6");
        ann.sees(text("There is no command /roll; nothing was sent."));
        assertThat(box(ann, "compose")).isEqualTo("/roll 2d6");
        ann.screenshot(SHOTS.resolve("channel-unknown-command.png"));
        say(ann, "/block Sable");
        ann.sees(text("There is no command /block; nothing was sent."));
        say(ann, "/safeword");
        ann.sees(text("/safeword works only in a private scene; nothing was sent."));

        say(ann, "//roll 2d6");
        ben.sees(text(juno + ": /roll 2d6"));
        say(ben, "/me waves");
        ann.sees(text("* " + kit + " waves"));
        assertThat(ben.count(text("Sable"))).isZero();
        assertThat(ben.count(text("/help"))).isZero();
        assertThat(ben.count(text("/safeword"))).isZero();
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void inASceneHelpListsTheSafewordAndSlashSafewordEndsTheSceneSayingWhoUsedIt() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "dune");
        Browser.Page ben = browser.open(server.origin());
        String kit = newcomer(ben, "ben", "Kit", "dune");
        ann.click(role("button", kit).exactly());
        invite(ann, kit);
        acceptAndOpen(ben, juno);
        sayInScene(ben, "hello");
        ann.sees(text(kit + ": hello"));

        sayInScene(ben, "/help");
        ben.sees(text("/safeword [HOURS]"));
        ben.screenshot(SHOTS.resolve("scene-help.png"));
        sayInScene(ben, "/safeword 72");
        ben.sees(text("You used the safeword: the scene is over for everyone, and they may not invite you again for 3 days."));
        ann.sees(text("A scene is over: someone used the safeword."));
        ben.screenshot(SHOTS.resolve("safeword-used.png"));
        assertThat(ann.count(text("/safeword"))).isZero();
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }
}
