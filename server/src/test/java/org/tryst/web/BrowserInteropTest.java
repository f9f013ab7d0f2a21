package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.client.SceneEvent;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.scenes.SceneMember;
import org.tryst.testkit.Browser;

/**
 * The browser's MLS (ts-mls) and the Java client's (Bouncy Castle) in one scene through a real
 * server, over several epochs: Java creates the scene and adds the browser; the browser adds a
 * second Java client; that one removes the first; then three rounds of key renewals. Everyone
 * still in the scene reads every message, and the epoch authenticators agree at every epoch.
 */
class BrowserInteropTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    @Test
    void javaAndTheBrowserShareASceneAcrossEpochs() throws Exception {
        try (var jay = SceneMember.join(server, "Jay"); var jo = SceneMember.join(server, "Jo")) {
            Browser.Page bea = browser.open(server.origin());
            String beaName = TestServer.uniqueName("Bea");
            InBrowser.registerWithPersona(bea, TestServer.uniqueName("bea"), beaName);

            String scene = jay.client().createScene(jay.persona().id()).id();
            jay.client().invite(scene, jay.persona().id(), personaId(jay, beaName), "join us");
            InBrowser.acceptAndOpen(bea, jay.persona().name());
            jay.next(SceneEvent.NewEpoch.class);
            agree(bea, jay);
            everyoneHears(bea, beaName, jay);

            bea.fill(label("Persona name"), jo.persona().name());
            bea.click(role("button", "Invite"));
            jo.client().accept(jo.next(SceneEvent.Invited.class).invitation());
            jo.next(SceneEvent.Joined.class);
            jay.next(SceneEvent.NewEpoch.class);
            agree(bea, jay, jo);
            everyoneHears(bea, beaName, jay, jo);

            jo.client().remove(scene, jay.persona().id());
            jay.next(SceneEvent.Removed.class);
            agree(bea, jo);
            everyoneHears(bea, beaName, jo);

            for (int round = 1; round <= 3; round++) {
                String before = bea.text(label("Scene keys"));
                bea.click(role("button", "Renew keys"));
                jo.next(SceneEvent.NewEpoch.class);
                agree(bea, jo);
                assertThat(bea.text(label("Scene keys"))).isNotEqualTo(before);
                jo.client().renewKeys(scene);
                agree(bea, jo);
                everyoneHears(bea, beaName, jo);
            }
            assertThat(bea.errors()).isEmpty();
        }
    }

    /** The browser shows the same epoch and authenticator as each Java member (waiting for it to catch up). */
    private static void agree(Browser.Page browserMember, SceneMember... javaMembers) {
        for (SceneMember member : javaMembers) {
            String scene = member.client().scenes().getFirst().id();
            var epoch = member.client().epoch(scene);
            String expected = "Keys of epoch " + epoch.epoch() + ": " + HexFormat.of().formatHex(epoch.authenticator()).substring(0, 16);
            browserMember.sees(text(expected).within(label("Scene keys")));
        }
    }

    /** The browser and each Java member say a line; everyone else reads it. */
    private static void everyoneHears(Browser.Page browserMember, String browserName, SceneMember... javaMembers) throws Exception {
        String line = "from the browser " + System.nanoTime();
        InBrowser.sayInScene(browserMember, line);
        for (SceneMember member : javaMembers) assertThat(member.heard()).isEqualTo(line);
        for (SceneMember speaker : javaMembers) {
            String said = "from " + speaker.persona().name() + " " + System.nanoTime();
            speaker.client().say(speaker.client().scenes().getFirst().id(), said);
            browserMember.sees(text(speaker.persona().name() + ": " + said));
            for (SceneMember other : javaMembers) if (other != speaker) assertThat(other.heard()).isEqualTo(said);
        }
    }

    private static String personaId(SceneMember asker, String name) {
        var shown = (ServerMessage.PersonaInfo) asker.client().connection().request(id -> new ClientMessage.PersonaShow(id, name)).join();
        return shown.persona().id();
    }
}
