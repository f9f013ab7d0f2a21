package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.joinChannel;
import static org.tryst.web.InBrowser.logIn;
import static org.tryst.web.InBrowser.openFromList;
import static org.tryst.web.InBrowser.registerWithPersona;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Browser;
import org.tryst.testkit.Wire;

/**
 * Read marks and days in real Chromium, with one account in two browsers (a desktop and a phone):
 * a line from someone else is unread on both until either shows it, the count survives a reload,
 * the "new" marker after a reload stands where the person left off, and a conversation's days
 * have headings of their own.
 */
class ReadMarkersInBrowserTest {
    /** The server's clock, which a test turns back to have lines said on earlier days. */
    private static final MutableClock CLOCK = new MutableClock();
    @RegisterExtension
    static final TestServer server = TestServer.sqlite().with(CLOCK);
    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static final Browser.Element LIST = role("navigation", "Conversations");

    @Test
    void aLineFromSomeoneElseIsUnreadOnBothDevicesUntilOneShowsItAndAReloadKeepsWhereThePersonWas() {
        String username = TestServer.uniqueName("ann");
        String juno = TestServer.uniqueName("Juno");
        Browser.Page desk = browser.open(server.origin());
        registerWithPersona(desk, username, juno);
        joinChannel(desk, "harbour");
        Browser.Page phone = browser.open(server.origin(), 390, 844);
        logIn(phone, username);
        Someone kit = Someone.in("harbour");
        openFromList(desk, "Account");

        // On a phone the person in channels starts at the list of conversations.
        kit.say("the ferry is late");
        desk.sees(role("button", "#harbour 1 unread").within(LIST));
        phone.sees(role("button", "#harbour 1 unread").within(LIST));
        phone.reload();
        phone.sees(role("button", "#harbour 1 unread").within(LIST));
        phone.screenshot(SHOTS.resolve("unread-after-reload-phone.png"));

        openFromList(desk, "#harbour");
        desk.sees(text(kit.name + ": the ferry is late"));
        phone.sees(role("button", "#harbour").exactly().within(LIST));
        phone.reload();
        phone.sees(role("button", "#harbour").exactly().within(LIST));

        // Away from the channel on the desk, then back after a reload: the marker is where the desk left off.
        openFromList(desk, "Account");
        kit.say("the ferry is here");
        desk.sees(role("button", "#harbour 1 unread").within(LIST));
        desk.reload();
        desk.sees(role("button", "#harbour 1 unread").within(LIST));
        openFromList(desk, "#harbour");
        desk.sees(text("New").exactly());
        assertThat(desk.evaluate("document.querySelector('main .new-marker').nextElementSibling.textContent").asText())
                .contains("the ferry is here");
        assertThat(desk.evaluate("document.querySelector('main .new-marker').previousElementSibling.textContent").asText())
                .contains("the ferry is late");
        desk.screenshot(SHOTS.resolve("new-since-you-left.png"));
        assertThat(desk.errors()).isEmpty();
        assertThat(phone.errors()).isEmpty();
    }

    @Test
    void linesOfEarlierDaysStandUnderTheirDaysHeadings() {
        Someone kit = Someone.creating("almanac");
        // The server's clock turned back for a moment: these lines are stored as said three days and one day ago.
        CLOCK.advance(Duration.ofDays(-3));
        Views.Message old = kit.say("the almanac says rain");
        CLOCK.advance(Duration.ofDays(2));
        kit.say("rain, as the almanac said");
        CLOCK.advance(Duration.ofDays(1));
        kit.say("sun at last");

        String username = TestServer.uniqueName("ben");
        Browser.Page desk = browser.open(server.origin());
        registerWithPersona(desk, username, TestServer.uniqueName("Wren"));
        joinChannel(desk, "almanac");
        desk.sees(text(kit.name + ": sun at last"));
        String oldDay = desk.evaluate("""
                (() => {
                  const day = new Date(%d);
                  const sameYear = day.getFullYear() === new Date().getFullYear();
                  return day.toLocaleDateString([], { weekday: "long", day: "numeric", month: "long", ...(sameYear ? {} : { year: "numeric" }) });
                })()""".formatted(old.at())).asText();
        desk.sees(role("heading", oldDay));
        List<String> days = new ArrayList<>();
        desk.evaluate("[...document.querySelectorAll('main .lines li.day h2')].map((h) => h.textContent)").forEach(day -> days.add(day.asText()));
        assertThat(days).containsExactly(oldDay, "Yesterday", "Today");
        desk.screenshot(SHOTS.resolve("days.png"));

        Browser.Page phone = browser.open(server.origin(), 390, 844);
        logIn(phone, username);
        openFromList(phone, "#almanac");
        phone.sees(role("heading", "Yesterday"));
        phone.screenshot(SHOTS.resolve("days-phone.png"));
        assertThat(desk.errors()).isEmpty();
        assertThat(phone.errors()).isEmpty();
    }

    /** Someone else, speaking in a channel through the raw protocol. */
    private record Someone(Wire wire, String persona, String name, String channel) {
        static Someone in(String channel) {
            Someone someone = Someone.of(channel);
            someone.wire.send(new ClientMessage.ChannelJoin(someone.wire.nextId(), someone.persona, channel));
            someone.wire.expect(ServerMessage.ChannelJoined.class);
            return someone;
        }

        static Someone creating(String channel) {
            Someone someone = Someone.of(channel);
            someone.wire.send(new ClientMessage.ChannelCreate(someone.wire.nextId(), someone.persona, channel, null));
            someone.wire.expect(ServerMessage.ChannelJoined.class);
            return someone;
        }

        private static Someone of(String channel) {
            Wire wire = server.connect(server.register("kit"));
            Views.Persona persona = TestServer.persona(wire, "Kit");
            return new Someone(wire, persona.id(), persona.name(), channel);
        }

        Views.Message say(String text) {
            String id = wire.nextId();
            wire.send(new ClientMessage.Say(id, persona, channel, text));
            return wire.expect(ServerMessage.ChannelMessage.class, heard -> heard.message().text().equals(text)).message();
        }
    }
}
