package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.css;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.newcomer;
import static org.tryst.web.InBrowser.openFromList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.Browser;
import org.tryst.testkit.Wire;

/**
 * The directory of channels in real Chromium is live while it is open: a channel opened from
 * another browser appears, its member count and topic change as people join and set it, and a
 * closed one goes, without the page asking again; after a dropped connection it is listed afresh.
 */
class DirectoryInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    /** The directory's entry of a channel. */
    private static Browser.Element entry(String channel) {
        return css("ul.directory li:has(button:text-is(\"#" + channel + "\"))");
    }

    /** Someone on a raw socket, with a persona. */
    private record Guest(Wire wire, String persona) implements AutoCloseable {
        static Guest arrives(String name) {
            Wire wire = server.connect(server.register(name.toLowerCase()));
            return new Guest(wire, TestServer.persona(wire, name).id());
        }

        void ask(ClientMessage message) {
            wire.send(message);
            assertThat(wire.expect(ServerMessage.Reply.class, reply -> message.id().equals(reply.id())))
                    .isNotInstanceOf(ServerMessage.Error.class);
        }

        @Override
        public void close() {
            wire.close();
        }
    }

    private static Browser.Page readerAtTheDirectory(int width, int height) {
        Browser.Page reader = browser.open(server.origin(), width, height);
        newcomer(reader, "reader", "Reader", TestServer.uniqueName("commons").toLowerCase());
        openFromList(reader, "Channels and personas");
        reader.sees(role("heading", "Channels"));
        return reader;
    }

    @Test
    void aChannelOpenedInAnotherBrowserAppearsAndItsCountAndTopicChangeAsTheyHappen() {
        Browser.Page reader = readerAtTheDirectory(1280, 800);
        Browser.Page host = browser.open(server.origin(), 390, 844);
        String channel = TestServer.uniqueName("lantern").toLowerCase();
        newcomer(host, "host", "Host", channel);

        reader.sees(role("button", "#" + channel));
        reader.sees(text("1 member").exactly().within(entry(channel)));
        try (Guest guest = Guest.arrives("Guest")) {
            guest.ask(new ClientMessage.ChannelJoin(guest.wire().nextId(), guest.persona(), channel));
            reader.sees(text("2 members").exactly().within(entry(channel)));
            guest.ask(new ClientMessage.TopicSet(guest.wire().nextId(), guest.persona(), channel, "Lamps and stories"));
            reader.sees(text("Lamps and stories").within(entry(channel)));
        }
        reader.screenshot(SHOTS.resolve("channels.png"));
        reader.fill(label("Join or open a channel"), "commons");
        reader.seesNo(role("button", "#" + channel));
        reader.sees(text("1 member · joined").within(role("region", "Find a channel")));
    }

    @Test
    void aClosedChannelLeavesTheOpenDirectory() {
        Browser.Page reader = readerAtTheDirectory(390, 844);
        String channel = TestServer.uniqueName("ember").toLowerCase();
        try (Guest owner = Guest.arrives("Owner")) {
            owner.ask(new ClientMessage.ChannelCreate(owner.wire().nextId(), owner.persona(), channel, "Warm"));
            reader.sees(role("button", "#" + channel));
            owner.ask(new ClientMessage.ModAct(owner.wire().nextId(), "close", channel, null, null, "done for the night", null, owner.persona()));
            reader.seesNo(role("button", "#" + channel));
        }
    }

    @Test
    void afterADroppedConnectionTheDirectoryIsListedAfreshAndStaysLive() {
        Browser.Page reader = readerAtTheDirectory(1280, 800);
        reader.offline(true);
        reader.sees(text("Offline, reconnecting…"));
        String missed = TestServer.uniqueName("missed").toLowerCase();
        String later = TestServer.uniqueName("later").toLowerCase();
        try (Guest host = Guest.arrives("Host")) {
            host.ask(new ClientMessage.ChannelCreate(host.wire().nextId(), host.persona(), missed, "While away"));
            reader.offline(false);
            reader.sees(role("button", "#" + missed));
            host.ask(new ClientMessage.ChannelCreate(host.wire().nextId(), host.persona(), later, ""));
            reader.sees(role("button", "#" + later));
        }
    }
}
