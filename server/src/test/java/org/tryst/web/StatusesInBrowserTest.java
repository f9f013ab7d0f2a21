package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.css;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.openFromList;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Browser;
import org.tryst.testkit.Wire;

/**
 * Statuses, the looking list and typing in real Chromium against a real server, on a desktop and
 * on a phone: a status chosen with a line shows on the profile, in the member list and in the
 * looking list of someone else; typing in a channel, and in a private scene inside its encryption,
 * shows under the other's message box, and nothing shows once the typist's account stops sharing
 * it; and while a persona is do not disturb, an invitation's toast waits until it chooses another
 * status.
 */
class StatusesInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    /** An account with one persona, made on a raw socket. */
    private record Person(TestServer.User user, Views.Persona persona) {
        /** A new account whose persona is in the channel: it opens the channel when nobody did yet. */
        static Person in(String base, String channel, boolean opens) {
            TestServer.User user = server.register(base.toLowerCase());
            try (Wire wire = server.connect(user)) {
                Views.Persona persona = TestServer.persona(wire, base);
                wire.send(opens
                        ? new ClientMessage.ChannelCreate(wire.nextId(), persona.id(), channel, "Tea and talk")
                        : new ClientMessage.ChannelJoin(wire.nextId(), persona.id(), channel));
                wire.expect(ServerMessage.ChannelJoined.class);
                return new Person(user, persona);
            }
        }

        String name() {
            return persona.name();
        }

        /** Logged in on a page of that size, in the channel. */
        Browser.Page opens(String channel, int width, int height) {
            Browser.Page page = browser.open(server.origin(), width, height);
            InBrowser.logIn(page, user.username());
            page.sees(label("Speaking as"));
            openFromList(page, "#" + channel);
            page.sees(role("heading", "#" + channel));
            return page;
        }
    }

    /** Two people in one channel, each on a desktop. */
    private record Pair(String channel, Person rowan, Browser.Page rowansPage, Person sage, Browser.Page sagesPage) {
        static Pair inAChannel(int width, int height) {
            String channel = TestServer.uniqueName("tea").toLowerCase();
            Person rowan = Person.in("Rowan", channel, true);
            Person sage = Person.in("Sage", channel, false);
            return new Pair(channel, rowan, rowan.opens(channel, width, height), sage, sage.opens(channel, width, height));
        }
    }

    /** Chooses a status from the shell's picker (the bar on a desktop, a view's header on a phone), with a status line. */
    private static void choose(Browser.Page page, String status, String line) {
        page.click(role("button", "Your status"));
        Browser.Element picker = role("dialog", "Status of");
        page.sees(picker);
        if (line != null) page.fill(label("Status line").within(picker), line);
        page.click(role("radio", status).within(picker));
        page.seesNo(picker);
        page.sees(role("button", "Your status: " + (status.equals("Do not disturb") ? "" : status)));
    }

    private static final Browser.Element MEMBERS = role("complementary", "Who is here");

    @Test
    void aStatusWithALineShowsOnTheProfileInTheMemberListAndInTheLookingList() {
        Pair pair = Pair.inAChannel(1280, 800);
        String line = "Up for a slow-burn mystery";
        choose(pair.rowansPage(), "Looking", line);

        Browser.Page sage = pair.sagesPage();
        sage.sees(text(pair.rowan().name() + " Looking").within(MEMBERS));
        sage.sees(text(line).within(MEMBERS));
        sage.screenshot(SHOTS.resolve("statuses-members-desktop.png"));

        sage.click(role("button", pair.rowan().name()).exactly().within(MEMBERS));
        sage.sees(role("heading", pair.rowan().name()));
        sage.sees(text("Looking: " + line).within(css("main .profile-status")));
        sage.screenshot(SHOTS.resolve("statuses-profile-desktop.png"));

        openFromList(sage, "Looking now");
        Browser.Element entry = role("listitem", pair.rowan().name()).within(role("list", "Looking now"));
        sage.sees(entry);
        sage.sees(text(line).within(entry));
        sage.sees(text("Started looking just now").within(entry));
        sage.screenshot(SHOTS.resolve("statuses-looking-desktop.png"));

        // A change of mind, typed as in the terminal, shows at once in the channel, and the looking list asked afresh leaves the persona out.
        InBrowser.say(pair.rowansPage(), "/status busy");
        pair.rowansPage().sees(text(pair.rowan().name() + " shows as busy.").within(role("status", "Answer")));
        pair.rowansPage().sees(role("button", "Your status: Busy"));
        openFromList(sage, "#" + pair.channel());
        sage.sees(text(pair.rowan().name() + " Busy").within(MEMBERS));
        sage.seesNo(text(line).within(MEMBERS));
        openFromList(sage, "Looking now");
        sage.sees(text("Nobody is looking right now."));
        assertThat(sage.errors()).isEmpty();
        assertThat(pair.rowansPage().errors()).isEmpty();
    }

    @Test
    void typingInAChannelShowsUnderTheOthersBoxUntilTheLineIsSent() {
        Pair pair = Pair.inAChannel(1280, 800);
        Browser.Element typing = css("main .typing-line");
        pair.rowansPage().fill(label("Message to"), "The lighthouse keeper");
        pair.sagesPage().sees(text(pair.rowan().name() + " is typing…").within(typing));
        pair.sagesPage().screenshot(SHOTS.resolve("statuses-typing-desktop.png"));
        InBrowser.say(pair.rowansPage(), "The lighthouse keeper waves.");
        pair.sagesPage().sees(text("The lighthouse keeper waves."));
        pair.sagesPage().seesNo(text("is typing").within(typing));
        assertThat(pair.sagesPage().errors()).isEmpty();
    }

    @Test
    void typingInAPrivateSceneTravelsInsideItsEncryption() {
        Pair pair = Pair.inAChannel(1280, 800);
        Browser.Page rowan = pair.rowansPage();
        Browser.Page sage = pair.sagesPage();
        rowan.click(role("button", pair.sage().name()).exactly().within(MEMBERS));
        InBrowser.invite(rowan, pair.sage().name());
        InBrowser.acceptAndOpen(sage, pair.rowan().name());
        rowan.sees(role("heading", "Private scene with " + pair.sage().name()));
        InBrowser.sayInScene(sage, "Hello in here.");
        rowan.sees(text(pair.sage().name() + ": Hello in here."));

        rowan.fill(label("Message to this scene"), "And hello");
        sage.sees(text(pair.rowan().name() + " is typing…").within(css("main .typing-line")));
        sage.screenshot(SHOTS.resolve("statuses-typing-scene-desktop.png"));
        InBrowser.sayInScene(rowan, "And hello to you.");
        sage.sees(text(pair.rowan().name() + ": And hello to you."));
        sage.seesNo(text("is typing").within(css("main .typing-line")));
        assertThat(sage.errors()).isEmpty();
        assertThat(rowan.errors()).isEmpty();
    }

    @Test
    void withTypingSharingOffNothingShows() {
        Pair pair = Pair.inAChannel(1280, 800);
        Browser.Page rowan = pair.rowansPage();
        openFromList(rowan, "Account");
        Browser.Element sharing = label("Show when I am typing");
        rowan.sees(sharing);
        assertThat(rowan.evaluate("document.querySelector('#typing-setting').parentElement.querySelector('input').checked").asBoolean())
                .as("sharing typing starts on, as welcome says").isTrue();
        rowan.click(sharing);
        rowan.sees(text("Nobody sees when you type, and you see nobody typing."));
        rowan.screenshot(SHOTS.resolve("statuses-typing-setting-desktop.png"));

        // Sage's page notes whether anyone ever shows as typing; Rowan types, then sends, and Sage reads the line.
        Browser.Page sage = pair.sagesPage();
        sage.evaluate("""
                (() => { window.typingSeen = false;
                  new MutationObserver(() => { if (document.querySelector('.typing-line')?.textContent) window.typingSeen = true; })
                    .observe(document.body, { subtree: true, childList: true, characterData: true }); return true; })()""");
        openFromList(rowan, "#" + pair.channel());
        rowan.fill(label("Message to"), "Quietly now");
        InBrowser.say(rowan, "Quietly now.");
        sage.sees(text("Quietly now."));
        assertThat(sage.evaluate("window.typingSeen").asBoolean()).as("a typing indicator showed").isFalse();

        // The setting holds for the account: a reload reads it from welcome.
        rowan.reload();
        openFromList(rowan, "Account");
        rowan.sees(sharing);
        assertThat(rowan.evaluate("document.querySelector('#typing-setting').parentElement.querySelector('input').checked").asBoolean())
                .isFalse();
        assertThat(rowan.errors()).isEmpty();
    }

    @Test
    void doNotDisturbHoldsAnInvitationsToastUntilTheStatusChanges() {
        Pair pair = Pair.inAChannel(1280, 800);
        Browser.Page sage = pair.sagesPage();
        choose(sage, "Do not disturb", null);
        sage.sees(role("button", "Your status: Do not disturb"));
        sage.sees(text("invitations to " + pair.sage().name() + " wait in Invitations"));

        TestServer.User wren = server.register("wren");
        try (Wire wire = server.connect(wren)) {
            Views.Persona inviter = TestServer.persona(wire, "Wren");
            String scene = TestServer.sceneOf(wire, inviter);
            wire.send(new ClientMessage.SceneInvite(wire.nextId(), scene, inviter.id(), pair.sage().persona().id(),
                    "Tea at the lighthouse?", List.of(), null));
            wire.expect(ServerMessage.InvitationInfo.class);
            // The server queued whatever it sends Sage's socket before it answered Wren: one round trip on Sage's socket after it shows
            // everything that arrived.
            openFromList(sage, "Looking now");
            sage.sees(text("Nobody is looking right now."));
            assertThat(sage.count(text(inviter.name() + " invites"))).as("a toast while do not disturb").isZero();
            sage.screenshot(SHOTS.resolve("statuses-dnd-desktop.png"));

            choose(sage, "Online", null);
            sage.sees(text(inviter.name() + " invites " + pair.sage().name() + " into a private scene."));
            sage.seesNo(text("wait in Invitations"));
            sage.screenshot(SHOTS.resolve("statuses-dnd-released-desktop.png"));
        }
        assertThat(sage.errors()).isEmpty();
    }

    @Test
    void onAPhoneTheStatusIsChosenFromTheHeaderAndTheOthersSeeItAndTheTyping() {
        Pair pair = Pair.inAChannel(390, 844);
        Browser.Page rowan = pair.rowansPage();
        rowan.click(role("button", "Your status"));
        rowan.sees(role("dialog", "Status of"));
        rowan.fill(label("Status line"), "Brewing tea, say hello");
        rowan.screenshot(SHOTS.resolve("statuses-picker-phone.png"));
        rowan.click(role("radio", "Looking"));
        rowan.seesNo(role("dialog", "Status of"));

        Browser.Page sage = pair.sagesPage();
        rowan.fill(label("Message to"), "Hello");
        sage.sees(text(pair.rowan().name() + " is typing…"));
        sage.screenshot(SHOTS.resolve("statuses-typing-phone.png"));
        sage.click(role("button", "Who is here"));
        sage.sees(text(pair.rowan().name() + " Looking").within(role("dialog", "Who is here")));
        sage.sees(text("Brewing tea, say hello").within(role("dialog", "Who is here")));
        sage.screenshot(SHOTS.resolve("statuses-members-phone.png"));
        sage.press("Escape");

        openFromList(sage, "Looking now");
        sage.sees(role("listitem", pair.rowan().name()));
        sage.screenshot(SHOTS.resolve("statuses-looking-phone.png"));
        sage.click(role("button", "Invite " + pair.rowan().name()));
        sage.sees(role("heading", "Invite " + pair.rowan().name()));

        choose(sage, "Do not disturb", null);
        sage.sees(role("button", "Your status: DND"));
        sage.screenshot(SHOTS.resolve("statuses-dnd-phone.png"));
        assertThat(sage.errors()).isEmpty();
        assertThat(rowan.errors()).isEmpty();
    }
}
