package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.joinChannel;
import static org.tryst.web.InBrowser.logIn;
import static org.tryst.web.InBrowser.openFromList;
import static org.tryst.web.InBrowser.registerWithPersona;
import static org.tryst.web.InBrowser.sayInScene;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
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
 * The safeword in the browser, and what comes after: two people in a private scene, one threatens,
 * the other uses the Safeword choosing seven days of cooling-off (on a phone-sized screen); both
 * screens drop the scene, the other's new invitation is refused, and the one who stopped the scene
 * reports the threat from the ended scene, which the server verifies. Hiding the page, or logging
 * out, forgets the ended scene's lines.
 */
class SafewordInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String THREAT = "you will regret saying no";

    @Test
    void theSafewordWithSevenDaysEndsTheSceneBlocksInvitationsAndTheThreatCanStillBeReported() throws Exception {
        Browser.Page mallory = browser.open(server.origin());
        String malloryName = TestServer.uniqueName("Mallory");
        registerWithPersona(mallory, TestServer.uniqueName("mallory"), malloryName);
        joinChannel(mallory, "orchard");
        Browser.Page wren = browser.open(server.origin(), 390, 844);
        String wrenName = TestServer.uniqueName("Wren");
        String wrenUser = TestServer.uniqueName("wren");
        registerWithPersona(wren, wrenUser, wrenName);
        joinChannel(wren, "orchard");

        invite(mallory, wrenName);
        mallory.sees(text("You invited " + wrenName));
        openFromList(wren, "Invitations 1");
        wren.click(role("button", "Accept"));
        openFromList(wren, "Private scene with " + malloryName);
        sayInScene(wren, "hello");
        mallory.sees(text(wrenName + ": hello"));
        sayInScene(mallory, THREAT);
        wren.sees(text(malloryName + ": " + THREAT));
        // On a phone the timer, transcript, safety numbers and the Safeword's cooling-off rise in a sheet over the lines when asked for.
        wren.click(role("button", "About this scene"));
        wren.sees(role("dialog", "About this scene"));
        wren.sees(role("heading", "Safety numbers"));
        wren.select(label("No invitations from them after the safeword for"), "7 days");
        wren.screenshot(SHOTS.resolve("scene-about-phone.png"));
        wren.click(role("button", "Back to the messages"));
        wren.seesNo(role("dialog", "About this scene"));
        wren.sees(text(malloryName + ": " + THREAT));
        assertThat(mallory.count(role("button", "About this scene"))).isZero();

        // The sheet covers the header's Safeword, and has its own.
        wren.click(role("button", "About this scene"));
        wren.screenshot(SHOTS.resolve("safeword-phone.png"));
        wren.click(role("button", "Safeword").within(role("dialog", "About this scene")));
        mallory.sees(text("A scene is over: someone used the safeword."));
        wren.sees(text("You used the safeword: the scene is over for everyone, and they may not invite you again for 7 days."));
        wren.screenshot(SHOTS.resolve("safeword-used-phone.png"));
        mallory.seesNo(role("button", "Private scene with " + wrenName));
        wren.seesNo(role("button", "Private scene with " + malloryName));
        assertThat(mallory.count(text(THREAT))).isZero();
        assertThat(wren.count(text(THREAT))).isZero();
        assertThat(coolingOffLeft(wrenName, malloryName)).isBetween(Duration.ofDays(7).minusHours(1), Duration.ofDays(7));

        joinedChannel(mallory, "orchard");
        invite(mallory, wrenName);
        mallory.sees(text("That persona does not want invitations from you for now."));
        assertThat(scenesOf(malloryName)).as("the scene made for the refused invitation is left").isZero();

        wren.click(role("button", "Report something from the ended scene with " + malloryName));
        wren.sees(text(malloryName + ": " + THREAT));
        wren.click(role("button", "Report this line of " + malloryName));
        wren.check(label("Threat"));
        wren.fill(label("Note for the moderators (optional)"), "before I used the safeword");
        wren.screenshot(SHOTS.resolve("report-ended-scene-phone.png"));
        wren.click(role("button", "Send report"));
        wren.sees(text("Report sent: verified by the server."));
        assertThat(reportsSeenByAModerator()).anySatisfy(report -> {
            assertThat(report.text()).isEqualTo(THREAT);
            assertThat(report.reporter().name()).isEqualTo(wrenName);
            assertThat(report.reported().name()).isEqualTo(malloryName);
            assertThat(report.verification()).isEqualTo("verified");
            assertThat(report.note()).isEqualTo("before I used the safeword");
        });

        // Hiding the page ends its session too: whoever opens it next must log in, and then the ended scene is forgotten.
        wren.press("Escape");
        wren.press("Escape");
        wren.sees(role("heading", "Notes"));
        wren.go(server.origin());
        wren.sees(role("heading", "Log in"));
        logIn(wren, wrenUser);
        wren.sees(role("heading", "Conversations"));
        assertThat(wren.count(role("button", "Report something from the ended scene"))).isZero();
        assertThat(mallory.errors()).isEmpty();
        assertThat(wren.errors()).isEmpty();
    }

    @Test
    void byDefaultTheCoolingOffIsADayAndLoggingOutForgetsTheEndedScene() throws Exception {
        Browser.Page ann = browser.open(server.origin());
        String annName = TestServer.uniqueName("Ann");
        registerWithPersona(ann, TestServer.uniqueName("ann"), annName);
        joinChannel(ann, "meadow");
        Browser.Page ben = browser.open(server.origin());
        String benName = TestServer.uniqueName("Ben");
        String benUser = TestServer.uniqueName("ben");
        registerWithPersona(ben, benUser, benName);
        joinChannel(ben, "meadow");
        invite(ann, benName);
        ann.sees(text("You invited " + benName));
        openFromList(ben, "Invitations 1");
        ben.click(role("button", "Accept"));
        openFromList(ben, "Private scene with " + annName);
        sayInScene(ben, "hello");
        ann.sees(text(benName + ": hello"));
        sayInScene(ann, "come closer");
        ben.sees(text(annName + ": come closer"));

        ben.click(role("button", "Safeword"));
        ann.sees(text("A scene is over: someone used the safeword."));
        ben.sees(text("You used the safeword: the scene is over for everyone, and they may not invite you again for 24 hours."));
        assertThat(coolingOffLeft(benName, annName)).isBetween(Duration.ofDays(1).minusHours(1), Duration.ofDays(1));
        ben.sees(role("button", "Report something from the ended scene with " + annName));

        ben.click(role("button", "Account"));
        ben.click(role("button", "Log out"));
        ben.fill(label("Username"), benUser);
        ben.fill(label("Password"), TestServer.PASSWORD);
        ben.click(role("button", "Log in"));
        ben.sees(role("heading", "Channels"));
        assertThat(ben.count(role("button", "Report something from the ended scene"))).isZero();
        assertThat(ben.count(text("come closer"))).isZero();
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    private static void invite(Browser.Page page, String persona) {
        page.click(role("button", persona));
        page.click(role("button", "Invite " + persona + " into a private scene"));
    }

    private static void joinedChannel(Browser.Page page, String channel) {
        page.click(role("button", "#" + channel));
        page.sees(role("heading", "#" + channel));
    }

    /** How long the persona that used the safeword is still kept from the other's invitations. */
    private static int scenesOf(String personaName) throws Exception {
        try (var db = server.database(); PreparedStatement query = db.prepareStatement("""
                SELECT COUNT(*) FROM scene_members m JOIN personas p ON p.id = m.persona_id WHERE p.name = ?""")) {
            query.setString(1, personaName);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static Duration coolingOffLeft(String protectedName, String blockedName) throws Exception {
        try (var db = server.database(); PreparedStatement query = db.prepareStatement("""
                SELECT c.until FROM cooling_off c JOIN personas p ON p.id = c.protected_id JOIN personas b ON b.id = c.blocked_id
                WHERE p.name = ? AND b.name = ?""")) {
            query.setString(1, protectedName);
            query.setString(2, blockedName);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a cooling-off for " + protectedName).isTrue();
                return Duration.ofMillis(row.getLong(1) - System.currentTimeMillis());
            }
        }
    }

    private static List<Views.Report> reportsSeenByAModerator() {
        TestServer.User moderator = server.register("mod");
        assertThat(server.admin("role", moderator.username(), "moderator")).isZero();
        try (Wire desk = server.connect(moderator)) {
            String id = desk.nextId();
            desk.send(new ClientMessage.ModReports(id, true));
            return desk.expect(ServerMessage.Reports.class).reports();
        }
    }
}
