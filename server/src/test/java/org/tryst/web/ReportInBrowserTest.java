package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.client.SceneEvent;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.scenes.SceneMember;
import org.tryst.testkit.Browser;

/**
 * A report from the browser, end to end: a member reports a line said to her in a private scene;
 * a moderator, made with {@code ./tryst admin role}, sees it verified by the server in the
 * moderation view, warns the sender, and the warning reaches the sender's client; the audit log
 * shows the decision with an intact chain, and the member sees her report acted on.
 */
class ReportInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    @Test
    void aMemberReportsASceneLineAndAModeratorSeesItVerifiedAndActs() throws Exception {
        try (SceneMember mallory = SceneMember.join(server, "Mallory")) {
            BlockingQueue<ServerMessage> malloryHears = new LinkedBlockingQueue<>();
            mallory.client().onOtherEvents(malloryHears::add);

            Browser.Page wren = browser.open(server.origin());
            String wrenName = TestServer.uniqueName("Wren");
            InBrowser.registerWithPersona(wren, TestServer.uniqueName("wren"), wrenName);
            String wrenId = ((ServerMessage.PersonaInfo) mallory.client().connection()
                    .request(id -> new ClientMessage.PersonaShow(id, wrenName)).join()).persona().id();

            Views.Scene scene = mallory.client().createScene(mallory.persona().id());
            mallory.client().invite(scene.id(), mallory.persona().id(), wrenId, "a private word?");
            InBrowser.acceptAndOpen(wren, mallory.persona().name());
            mallory.next(SceneEvent.NewEpoch.class);
            mallory.client().say(scene.id(), "you will regret saying no");
            wren.sees(text(mallory.persona().name() + ": you will regret saying no"));

            wren.click(role("button", "Report this line of " + mallory.persona().name()));
            wren.check(label("Threat"));
            wren.fill(label("Note for the moderators (optional)"), "after I said no");
            wren.screenshot(SHOTS.resolve("report.png"));
            wren.click(role("button", "Send report"));
            wren.sees(text("Report sent: verified by the server."));

            TestServer.User moderator = server.register("mod");
            assertThat(server.admin("role", moderator.username(), "moderator")).isZero();
            Browser.Page desk = browser.open(server.origin());
            InBrowser.logIn(desk, moderator.username());
            desk.click(role("button", "Moderation"));
            desk.sees(text("“you will regret saying no”"));
            desk.sees(text("Verified: commitment and server tag match"));
            desk.sees(text("Reason: threat — after I said no"));
            desk.fill(label("Reason for the decision"), "threats after a refusal");
            desk.screenshot(SHOTS.resolve("moderation.png"));
            desk.click(role("button", "Warn"));
            desk.sees(text("Warn: done."));
            desk.sees(text("The audit log's hash chain is intact."));
            desk.sees(text("warn (report"));

            wren.click(role("button", "Account"));
            wren.sees(text("you will regret saying no” · threat · verified · a moderator acted on it"));

            ServerMessage.Notice warning = nextNotice(malloryHears);
            assertThat(warning.kind()).isEqualTo("warning");
            assertThat(warning.text()).isEqualTo("threats after a refusal");
            assertThat(wren.errors()).isEmpty();
            assertThat(desk.errors()).isEmpty();
        }
    }

    @Test
    void aMemberSeesNoModerationView() {
        Browser.Page page = browser.open(server.origin());
        InBrowser.registerWithPersona(page, TestServer.uniqueName("ivy"), TestServer.uniqueName("Ivy"));
        page.sees(role("button", "Account"));
        assertThat(page.count(role("button", "Moderation"))).isZero();
    }

    private static ServerMessage.Notice nextNotice(BlockingQueue<ServerMessage> events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (events.poll(50, TimeUnit.MILLISECONDS) instanceof ServerMessage.Notice notice) return notice;
        }
        throw new AssertionError("no notice within 10 s");
    }
}
