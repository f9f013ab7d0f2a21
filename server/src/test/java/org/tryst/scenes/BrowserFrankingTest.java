package org.tryst.scenes;

import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.client.mls.Mls;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.Browser;
import org.tryst.web.InBrowser;

/** A modified client sends the browser a message whose franking commitment lies: the browser drops it and says so. */
class BrowserFrankingTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    @Test
    void theBrowserDropsAMessageWithAForgedCommitment() throws Exception {
        try (var mallory = new RawDevice(server, "Mallory"); var browser = Browser.launch()) {
            Browser.Page page = browser.open(server.origin());
            String name = TestServer.uniqueName("Wren");
            InBrowser.registerWithPersona(page, TestServer.uniqueName("wren"), name);
            String wren = ((ServerMessage.PersonaInfo) mallory.request(id -> new ClientMessage.PersonaShow(id, name))).persona().id();

            var scene = mallory.createScene();
            mallory.request(id -> new ClientMessage.SceneInvite(id, scene.id(), mallory.persona.id(), wren, "hello"));
            page.click(role("button", "Invitations 1"));
            page.click(role("button", "Accept"));
            mallory.next(ServerMessage.InvitationAccepted.class);
            var claimed = (ServerMessage.KeyPackages) mallory.request(id -> new ClientMessage.KeyPackagesClaim(id, scene.id(), wren));
            Mls.Group group = mallory.mls.group(scene.id());
            Mls.Commit add = group.commit(claimed.keyPackages().stream().map(kp -> Base64.getDecoder().decode(kp.keyPackage())).toList(), List.of());
            mallory.send(scene.id(), add.message(), add.welcome());
            group.confirm();
            page.click(role("button", "Private scene with " + mallory.persona.name()));

            byte[] random = new byte[64];
            new SecureRandom().nextBytes(random);
            byte[] forged = ByteBuffer.allocate(33).put((byte) 1).put(random, 0, 32).array();
            byte[] body = "{\"kind\":\"say\",\"text\":\"you cannot report this\"}".getBytes(StandardCharsets.UTF_8);
            byte[] plaintext = ByteBuffer.allocate(32 + body.length).put(random, 32, 32).put(body).array();
            mallory.send(scene.id(), group.protect(forged, plaintext), null);

            page.sees(text("A message was dropped: the franking commitment does not match the message."));
            page.seesNo(text("you cannot report this"));
        }
    }
}
