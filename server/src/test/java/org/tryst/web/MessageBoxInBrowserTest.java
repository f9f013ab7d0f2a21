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
    static final TestServer server = TestServer.sqlite().with("TRYST_CHANNELS_MAX_TEXT_LENGTH", String.valueOf(MAX_TEXT));
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

    /** A message box: its element's id, the start of its label, and the request a line typed in it makes. */
    private record Box(String id, String labelled, String request) {
        String value(Browser.Page page) {
            return page.evaluate("document.getElementById('" + id + "').value").asText();
        }

        void send(Browser.Page page, String line) {
            page.fill(label(labelled), line);
            page.press(label(labelled), "Enter");
        }
    }

    private static final Box CHANNEL = new Box("compose", "Message to #", "say");
    private static final Box SCENE = new Box("scene-compose", "Message to this scene", "scene.send");

    /** While the first line's answer waits, the next is typed into an empty box; both arrive, once each. */
    private static void theNextLineIsTypedOnItsOwn(Box box, Browser.Page sender, String senderName, Browser.Page other) {
        holdAnswers(sender, box.request());
        box.send(sender, "first line");
        other.sees(text(senderName + ": first line"));
        assertThat(box.value(sender)).isEmpty();
        sender.type("second line typed right after");
        assertThat(box.value(sender)).isEqualTo("second line typed right after");

        letAnswersThrough(sender);
        sender.press(label(box.labelled()), "Enter");
        other.sees(text(senderName + ": second line typed right after"));
        assertThat(other.count(text("first line"))).isEqualTo(1);
        assertThat(box.value(sender)).isEmpty();
        assertThat(sender.errors()).isEmpty();
        assertThat(other.errors()).isEmpty();
    }

    @Test
    void aChannelLineLeavesTheBoxAsItIsSentSoTheNextIsTypedOnItsOwn() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "harbour");
        Browser.Page ben = browser.open(server.origin());
        newcomer(ben, "ben", "Kit", "harbour");
        theNextLineIsTypedOnItsOwn(CHANNEL, ann, juno, ben);
    }

    /** Two people in a private scene: Juno invited Kit, who uses a screen of the given size. */
    private record Scene(Browser.Page ann, String juno, Browser.Page ben, String kit) {
        static Scene met(String channel, int width, int height) {
            Browser.Page ann = browser.open(server.origin());
            String juno = newcomer(ann, "ann", "Juno", channel);
            Browser.Page ben = browser.open(server.origin(), width, height);
            String kit = newcomer(ben, "ben", "Kit", channel);
            ann.click(role("button", kit).exactly());
            invite(ann, kit);
            acceptAndOpen(ben, juno);
            ann.sees(role("heading", "Private scene with " + kit));
            sayInScene(ben, "hello");
            ann.sees(text(kit + ": hello"));
            return new Scene(ann, juno, ben, kit);
        }
    }

    @Test
    void aSceneLineLeavesTheBoxAsItIsSentSoTheNextIsTypedOnItsOwn() {
        Scene scene = Scene.met("cove", 390, 844);
        theNextLineIsTypedOnItsOwn(SCENE, scene.ben(), scene.kit(), scene.ann());
    }

    @Test
    void aLineTheServerRefusesComesBackInFrontOfWhatWasTypedSince() {
        Browser.Page ann = browser.open(server.origin());
        newcomer(ann, "ann", "Ann", "quay");
        String tooLong = "a line longer than this server allows, ".repeat(3).strip();
        assertThat(tooLong).hasSizeGreaterThan(MAX_TEXT);

        holdAnswers(ann, "say");
        say(ann, tooLong);
        assertThat(CHANNEL.value(ann)).isEmpty();
        ann.type("and more");
        letAnswersThrough(ann);
        ann.sees(text("That is longer than this server allows. What you wrote is back in the message box."));
        assertThat(CHANNEL.value(ann)).isEqualTo(tooLong + " and more");
    }

    @Test
    void unknownCommandsAreNeverPostedAndTheKnownOnesAreListed() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "square");
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        String kit = newcomer(ben, "ben", "Kit", "square");

        say(ben, "/help");
        ben.sees(text("/me TEXT"));
        assertThat(CHANNEL.value(ben)).isEmpty();
        ben.screenshot(SHOTS.resolve("channel-help-phone.png"));
        say(ann, "/rol 2d6");
        ann.sees(text("There is no command /rol; nothing was sent. Did you mean /roll?"));
        assertThat(CHANNEL.value(ann)).isEqualTo("/rol 2d6");
        ann.screenshot(SHOTS.resolve("channel-unknown-command.png"));
        // A command of ./tryst chat's is carried out, never said; when it cannot be, the line comes back.
        say(ann, "/block Sable");
        ann.sees(text("That does not exist, or is not visible to you. What you wrote is back in the message box."));
        assertThat(CHANNEL.value(ann)).isEqualTo("/block Sable");
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
        Scene scene = Scene.met("dune", 1280, 800);
        Browser.Page ann = scene.ann();
        Browser.Page ben = scene.ben();
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
