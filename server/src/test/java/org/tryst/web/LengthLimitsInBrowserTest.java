package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.Browser;
import org.tryst.testkit.Wire;

/** The web client's fields count characters as the server does: a summary of 200 emoji is 200 characters, not 400. */
class LengthLimitsInBrowserTest {
    private static final String EMOJI = "\uD83D\uDE00";

    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    @Test
    void aSummaryOfTwoHundredEmojiIsKeptWholeAndOneMoreIsCutOff() throws Exception {
        Browser.Page page = browser.open(server.origin());
        page.click(role("button", "No account yet? Create one"));
        String username = TestServer.uniqueName("emoji");
        page.fill(label("Username"), username);
        page.fill(label("Password"), TestServer.PASSWORD);
        page.check(label("I am 18 or older"));
        page.click(role("button", "Create account"));
        InBrowser.keepRecoveryCodes(page);
        page.sees(text("You have no persona yet."));

        String persona = TestServer.uniqueName("Smiles");
        page.fill(label("Name"), persona);
        page.fill(label("Summary"), EMOJI.repeat(201));
        assertThat(page.evaluate("[...document.querySelector('input[name=summary]').value].length").asInt()).isEqualTo(200);
        page.click(role("button", "Create persona"));
        page.sees(text("You created " + persona + "."));

        TestServer.User other = server.register("reader");
        try (Wire wire = server.connect(other)) {
            wire.send(new ClientMessage.PersonaShow(wire.nextId(), persona));
            ServerMessage.PersonaInfo shown = wire.expect(ServerMessage.PersonaInfo.class);
            assertThat(shown.persona().summary()).isEqualTo(EMOJI.repeat(200));
        }
    }
}
