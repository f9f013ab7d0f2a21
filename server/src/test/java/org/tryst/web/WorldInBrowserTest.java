package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.css;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.openFromList;
import static org.tryst.web.InBrowser.registerWithPersona;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/**
 * The text world in real Chromium against a real server, on a desktop and on a phone: two people
 * enter and find each other in the starting room; what one says, poses and narrates the other
 * reads, the narration with its author named; one walks north by an exit button and the other
 * sees them leave; the map, the command line's history and Tab completion take the person where
 * the world's exits lead; someone here can be looked at, and invited into a private scene whose
 * note names the room as its setting.
 */
class WorldInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static final Browser.Element COMMAND = label("World command");
    private static final Browser.Element STREAM = css("main .lines");

    @Test
    void twoPeopleMeetInTheCourtyardTalkAndOneWalksNorth() {
        Browser.Page ann = browser.open(server.origin());
        String juno = enterTheWorld(ann, "ann", "Juno");
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        String kit = enterTheWorld(ben, "ben", "Kit");

        ann.sees(text(kit + " enters the world.").within(STREAM));
        ann.sees(role("button", "Look at " + kit));
        ben.click(role("button", "Here"));
        ben.sees(role("button", "Look at " + juno));
        ben.click(role("button", "Back to the messages"));

        command(ann, "say Good evening.");
        ben.sees(text(juno + " says, “Good evening.”"));
        command(ann, ":sits on the fountain's rim.");
        ben.sees(text(juno + " sits on the fountain's rim."));
        command(ann, "emit The lanterns come on.");
        ben.sees(text("The lanterns come on."));
        assertThat(ben.text(css("main .lines li.emit"))).as("narration names its author to screen readers").contains("Narration by " + juno);
        command(ben, "\"Hello, " + juno + ".");
        ann.sees(text(kit + " says, “Hello, " + juno + ".”"));

        ann.click(role("button", "north to The Library"));
        ann.sees(role("heading", "The Library"));
        ben.sees(text(juno + " leaves north."));
        ann.screenshot(SHOTS.resolve("world-library.png"));
        ben.screenshot(SHOTS.resolve("world-courtyard-phone.png"));
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void onAPhoneTheMapHistoryAndCompletionTakeThePersonWhereTheExitsLead() {
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        enterTheWorld(ben, "ben", "Kit");

        ben.click(label("World command"));
        ben.type("nor");
        ben.press("Tab");
        assertThat(ben.evaluate("document.getElementById('world-command').value").asText()).as("Tab completes the exit").isEqualTo("north");
        ben.press("Enter");
        ben.sees(role("heading", "The Library"));

        ben.click(role("button", "Here"));
        ben.sees(role("button", "Go south to The Courtyard"));
        ben.screenshot(SHOTS.resolve("world-here-phone.png"));
        ben.click(role("button", "Go south to The Courtyard"));
        ben.sees(role("heading", "The Courtyard"));
        ben.click(role("button", "Back to the messages"));

        ben.click(label("World command"));
        ben.press("ArrowUp");
        assertThat(ben.evaluate("document.getElementById('world-command').value").asText()).as("the line sent before").isEqualTo("north");
        ben.press("Enter");
        ben.sees(role("heading", "The Library"));

        command(ben, "xyzzy");
        ben.sees(css("main .lines li.problem"));
        ben.screenshot(SHOTS.resolve("world-phone.png"));
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void someoneHereCanBeLookedAtAndInvitedIntoAPrivateSceneSetInTheRoom() {
        Browser.Page ann = browser.open(server.origin());
        enterTheWorld(ann, "ann", "Juno");
        Browser.Page ben = browser.open(server.origin());
        String kit = enterTheWorld(ben, "ben", "Kit");

        ann.click(role("button", "Look at " + kit));
        ann.sees(text("No description.").within(STREAM));
        ann.click(role("button", "Look at a stone fountain"));
        ann.sees(text("Water spills from a carved fish's mouth").within(STREAM));
        ann.click(role("button", "Let me into adult areas"));
        ann.sees(text("Adult areas are open to you").within(STREAM));

        ann.click(role("button", "Invite " + kit + " to a private scene"));
        ann.sees(role("heading", kit));
        ann.sees(text("The scene is set in The Courtyard"));
        ann.click(role("button", "Invite " + kit + " into a private scene"));
        ann.sees(text("You invited " + kit));
        ann.sees(role("region", "Set in The Courtyard").within(css("main .lines")));
        ann.sees(text("A square of warm flagstones").within(css("main .lines .setting")));
        openFromList(ben, "Invitations 1");
        ben.sees(role("region", "Set in The Courtyard"));
        ben.sees(text("A square of warm flagstones"));
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    /** Registers with a persona and opens the world from the list, which enters it in the starting room. */
    private static String enterTheWorld(Browser.Page page, String userBase, String personaBase) {
        String persona = TestServer.uniqueName(personaBase);
        registerWithPersona(page, TestServer.uniqueName(userBase), persona);
        openFromList(page, "World");
        page.sees(role("heading", "The Courtyard"));
        return persona;
    }

    private static void command(Browser.Page page, String line) {
        page.fill(COMMAND, line);
        page.press(COMMAND, "Enter");
    }
}
