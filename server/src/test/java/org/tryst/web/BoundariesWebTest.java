package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.invite;
import static org.tryst.web.InBrowser.newcomer;
import static org.tryst.web.InBrowser.openFromList;
import static org.tryst.web.InBrowser.sayInScene;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/**
 * Boundaries and agreements in the web client, in real Chromium: two people publish boundaries,
 * one invites the other proposing topics and a safeword word and sees the flags as it chooses, the
 * other sees both lists side by side with the flags and accepts exactly that, both see the
 * agreement in the scene, and typing the word ends the scene for both.
 */
class BoundariesWebTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    @Test
    void twoPeopleCompareBoundariesAgreeOnTopicsAndTheSafewordWordEndsTheScene() {
        Browser.Page ann = browser.open(server.origin(), 390, 844); // a phone, where the side-by-side list must fit
        String juno = newcomer(ann, "ann", "Juno", "orchard");
        Browser.Page ben = browser.open(server.origin());
        String kit = newcomer(ben, "ben", "Kit", "orchard");

        publish(ann, juno, "Gentle, please.", "Romance: yes", "Pain: yes", "Degradation: no");
        publish(ben, kit, "No real names.", "Pain: no", "Restraint: maybe", "Degradation: yes");

        openFromList(ann, "#orchard");
        ann.click(role("button", "Who is here"));
        ann.click(role("button", kit));
        ann.sees(text("No against yes").within(role("row", "Degradation")));
        ann.check(label("Propose Romance"));
        ann.check(label("Propose Pain"));
        ann.sees(text("Proposed, but " + kit + " said no").within(role("row", "Pain")));
        ann.check(label("Propose Restraint"));
        ann.sees(text("Proposed; " + kit + " said maybe").within(role("row", "Restraint")));
        ann.click(label("Propose Restraint")); // a second click takes it back
        ann.seesNo(text("said maybe").within(role("row", "Restraint")));
        ann.fill(label("Safeword word for the scene"), "Pineapple");
        ann.fill(label("A note with your invitation"), "Apples at dusk?");
        ann.screenshot(SHOTS.resolve("invite-with-boundaries.png"));
        invite(ann, kit);

        openFromList(ben, "Invitations 1");
        ben.sees(text("Apples at dusk?"));
        ben.sees(text("Proposed, but you said no").within(role("row", "Pain")));
        ben.sees(text("No against yes").within(role("row", "Degradation")));
        ben.sees(text("Gentle, please."));
        ben.sees(text("Accepting agrees to: Romance, Pain; safeword \u201cPineapple\u201d."));
        ben.screenshot(SHOTS.resolve("invitation-with-boundaries.png"));
        ben.click(role("button", "Accept and agree"));
        openFromList(ben, "Private scene with " + juno);
        ann.sees(role("heading", "Private scene with " + kit));

        String agreed = "Agreed by " + juno + ", " + kit + ": Romance, Pain.";
        ann.sees(text(agreed));
        ben.sees(text(agreed));
        ben.sees(text("Safeword: Pineapple"));
        sayInScene(ben, "Here I am.");
        ann.sees(text(kit + ": Here I am."));
        ann.screenshot(SHOTS.resolve("scene-agreement.png"));

        sayInScene(ann, "  pineapple ");
        ben.sees(text("A scene is over: someone used the safeword."));
        ann.seesNo(role("button", "Private scene with " + kit));
        ben.seesNo(role("button", "Private scene with " + juno));
        assertThat(ben.count(text(juno + ": pineapple"))).isZero();
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    /** Sets some answers and notes on the persona's own profile. */
    private static void publish(Browser.Page page, String persona, String notes, String... answers) {
        openFromList(page, "Profile of " + persona);
        for (String answer : answers) page.check(label(answer));
        page.fill(label("Boundary notes"), notes);
        page.click(role("button", "Save boundaries"));
        page.sees(text(persona + "'s boundaries are saved."));
    }
}
