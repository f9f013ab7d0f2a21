package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.css;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.openFromList;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.Answer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Browser;
import org.tryst.testkit.Wire;

/**
 * The partner board in real Chromium against a real server, on a desktop and on a phone: the
 * board a person sees leaves out the ad asking for a topic their persona said no to, shows how the
 * other ad's topics meet their boundaries, lets them post and bump their own ad, and answers an ad
 * with an invitation that proposes the ad's topics, which the ad's persona receives.
 */
class BoardInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    /** Someone on a raw socket with a persona and, once posted, an ad. */
    private record Poster(Wire wire, Views.Persona persona) {
        static Poster posting(String base, String title, List<String> topics) {
            Wire wire = server.connect(server.register(base.toLowerCase()));
            Views.Persona persona = TestServer.persona(wire, base);
            wire.send(new ClientMessage.BoardPost(wire.nextId(), persona.id(), title, "Write to me.", topics, "general"));
            wire.expect(ServerMessage.BoardAd.class);
            return new Poster(wire, persona);
        }
    }

    /** An account whose one persona answered no to pain and maybe to slow-burn, logged in on a page of that size. */
    private static Browser.Page viewer(int width, int height) {
        TestServer.User user = server.register("sage");
        try (Wire wire = server.connect(user)) {
            Views.Persona persona = TestServer.persona(wire, "Sage");
            wire.send(new ClientMessage.BoundariesSet(wire.nextId(), persona.id(),
                    Map.of("romance", Answer.YES, "slow-burn", Answer.MAYBE, "pain", Answer.NO), ""));
            wire.expect(ServerMessage.BoundariesInfo.class);
        }
        Browser.Page page = browser.open(server.origin(), width, height);
        InBrowser.logIn(page, user.username());
        // Logged in: on a phone a view comes with the way back to the list, on a desktop beside it.
        page.sees(width < 600 ? role("button", "Conversations") : role("navigation", "Conversations"));
        return page;
    }

    @Test
    void theBoardLeavesOutWhatTheViewerSaidNoToAndAnAdIsAnsweredWithItsTopics() {
        Poster rowan = Poster.posting("Rowan", "Letters by the sea", List.of("romance", "slow-burn"));
        Poster.posting("Wren", "Rough and ready", List.of("pain"));
        Browser.Page desk = viewer(1280, 800);
        openFromList(desk, "Board");
        desk.sees(role("heading", "Letters by the sea"));
        desk.seesNo(role("heading", "Rough and ready"));
        desk.sees(text("Slow burn: you said maybe"));
        desk.sees(text("Romance: you said yes"));

        desk.click(role("button", "Post an ad as"));
        desk.fill(label("Title"), "Tea and long letters");
        desk.click(role("button", "Post"));
        desk.sees(role("heading", "Your ad: Tea and long letters"));
        desk.click(role("button", "Bump"));
        desk.sees(text("Not yet: you can bump or post again in"));
        desk.screenshot(SHOTS.resolve("board-desktop.png"));

        desk.click(role("button", "Invite " + rowan.persona().name()));
        desk.sees(role("heading", "Invite " + rowan.persona().name()));
        assertThat(desk.evaluate("document.querySelector('[aria-label=\"Propose Romance\"]').checked").asBoolean()).isTrue();
        assertThat(desk.evaluate("document.querySelector('[aria-label=\"Propose Slow burn\"]').checked").asBoolean()).isTrue();
        desk.screenshot(SHOTS.resolve("board-invite-desktop.png"));
        InBrowser.invite(desk, rowan.persona().name());
        Views.Invitation received = rowan.wire().expect(ServerMessage.InvitationReceived.class).invitation();
        assertThat(received.topics()).containsExactly("romance", "slow-burn");
        assertThat(desk.errors()).isEmpty();
    }

    @Test
    void onAPhoneTheBoardIsFilteredTheSameWay() {
        Poster.posting("Ash", "Gentle evenings", List.of("romance"));
        Poster.posting("Bay", "Sharp edges", List.of("pain", "romance"));
        Browser.Page phone = viewer(390, 844);
        openFromList(phone, "Board");
        phone.sees(role("heading", "Gentle evenings"));
        phone.seesNo(role("heading", "Sharp edges"));
        phone.sees(css("main .board .matches"));
        phone.screenshot(SHOTS.resolve("board-phone.png"));
        assertThat(phone.errors()).isEmpty();
    }
}
