package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.css;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.acceptAndOpen;
import static org.tryst.web.InBrowser.invite;
import static org.tryst.web.InBrowser.newcomer;
import static org.tryst.web.InBrowser.say;
import static org.tryst.web.InBrowser.sayInScene;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/**
 * Dice in real Chromium: /roll in a channel is rolled by the server and shows in another browser
 * as a roll, drawn as no typed line can be (a pose that reads "rolls" stays a pose); dice the
 * server would refuse are refused in the message box with the rule and never sent; in a private
 * scene, which the server cannot read, the device rolls and the line says so.
 */
class DiceInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static final Browser.Element ROLLS = css("main .lines li.roll");

    @Test
    void aRollInAChannelShowsInAnotherBrowserAsTheServersRoll() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "tavern");
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        newcomer(ben, "ben", "Kit", "tavern");

        say(ann, "/roll 2d6 + 1");
        ben.sees(ROLLS);
        Matcher roll = Pattern.compile(Pattern.quote(juno) + " rolls 2d6\\+1: \\(([1-6])\\+([1-6])\\) \\+ 1 = (\\d+)").matcher(ben.text(ROLLS));
        assertThat(roll.find()).as("the server's roll, as it wrote it").isTrue();
        assertThat(Integer.parseInt(roll.group(3))).isEqualTo(Integer.parseInt(roll.group(1)) + Integer.parseInt(roll.group(2)) + 1);
        assertThat(ben.count(css("main .lines li.roll svg.die"))).as("the die is drawn, not typed").isOne();

        say(ann, "/me rolls 2d6+1: (6+6) + 1 = 13");
        ben.sees(text("* " + juno + " rolls 2d6+1: (6+6) + 1 = 13"));
        assertThat(ben.count(ROLLS)).as("a pose that reads like a roll is no roll").isOne();
        ann.sees(text(juno + " rolls 2d6+1: (6+6)"));
        assertThat(ann.count(ROLLS)).isOne();
        ben.screenshot(SHOTS.resolve("roll-phone.png"));
        ann.screenshot(SHOTS.resolve("roll.png"));
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void diceTheServerWouldRefuseAreRefusedInTheMessageBoxAndNeverSent() {
        Browser.Page ann = browser.open(server.origin(), 390, 844);
        String juno = newcomer(ann, "ann", "Juno", "dicehall");
        Browser.Page ben = browser.open(server.origin());
        newcomer(ben, "ben", "Kit", "dicehall");

        say(ann, "/roll 2d6*3");
        ann.sees(text("Usage: /roll DICE; dice are written like d20, 2d6+1 or 3d8-1d4: at most 100 dice of 2 to 1000 sides "
                + "and numbers up to 1000, in at most 10 parts; nothing was sent."));
        assertThat(ann.evaluate("document.getElementById('compose').value").asText()).as("kept to be mended").isEqualTo("/roll 2d6*3");
        say(ann, "/roll 101d6");
        ann.sees(text("at most 100 dice"));
        say(ann, "after the dice");
        ben.sees(text(juno + ": after the dice"));
        assertThat(ben.count(ROLLS)).isZero();
        assertThat(ben.count(text("2d6*3"))).isZero();
        assertThat(ben.count(text("101d6"))).isZero();
    }

    @Test
    void inASceneTheDeviceRollsAndTheLineSaysSo() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "lanes");
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        String kit = newcomer(ben, "ben", "Kit", "lanes");
        ann.click(role("button", kit).exactly());
        invite(ann, kit);
        acceptAndOpen(ben, juno);
        ann.sees(role("heading", "Private scene with " + kit));

        sayInScene(ben, "/roll d20");
        ann.sees(text("* " + kit + " rolls d20: "));
        Matcher roll = Pattern.compile("rolls d20: (\\d+) \\(on their own device\\)").matcher(ann.text(text("* " + kit + " rolls d20: ")));
        assertThat(roll.find()).isTrue();
        assertThat(Integer.parseInt(roll.group(1))).isBetween(1, 20);
        assertThat(ann.count(ROLLS)).as("the server rolled nothing: it is a pose").isZero();
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }
}
