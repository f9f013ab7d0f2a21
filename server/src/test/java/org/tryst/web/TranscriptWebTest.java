package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.invite;
import static org.tryst.web.InBrowser.newcomer;
import static org.tryst.web.InBrowser.sayInScene;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.InvisibleMark;
import org.tryst.scenes.LeakTrace;
import org.tryst.storage.Database;
import org.tryst.testkit.Browser;

/**
 * Keeping a scene's transcript from the browser: one asks, the other agrees, and only then can
 * either export; the downloaded copy names its owner and carries its mark, which the trace finds.
 */
class TranscriptWebTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    @Test
    void oneAsksTheOtherAgreesAndEachExportsAMarkedCopy() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "archive");
        Browser.Page ben = browser.open(server.origin());
        String kit = newcomer(ben, "ben", "Kit", "archive");
        ann.click(role("button", kit));
        invite(ann, kit);
        InBrowser.acceptAndOpen(ben, juno);
        ann.sees(role("heading", "Private scene with " + kit));
        sayInScene(ben, "Worth remembering.");
        ann.sees(text(kit + ": Worth remembering."));
        sayInScene(ann, "Then let us keep it.");
        ben.sees(text(juno + ": Then let us keep it."));

        ann.sees(text("Nobody keeps a transcript of this scene"));
        ann.seesNo(role("button", "Export transcript"));
        ann.click(role("button", "Ask to keep a transcript"));
        ben.sees(text(juno + " asked to keep a transcript of this scene."));
        ben.seesNo(role("button", "Export transcript"));
        ann.sees(text("Nobody can save a copy until everyone agrees."));
        ben.click(role("button", "Agree to keep a transcript"));
        ann.sees(role("button", "Export transcript"));
        ben.sees(role("button", "Export transcript"));
        ben.screenshot(SHOTS.resolve("transcript.png"));

        Browser.Page.Download copy = ann.download(role("button", "Export transcript"));
        assertThat(copy.name()).startsWith("tryst-transcript-").endsWith(".txt");
        String visible = copy.text().replaceAll("[\u200B\u200C\u200D\u2060]", "");
        assertThat(visible).contains("Exported by " + juno, "for " + juno + " only.", kit + ": Worth remembering.",
                juno + ": Then let us keep it.");
        assertThat(InvisibleMark.find(copy.text())).isNotEmpty().containsOnly(visible.lines()
                .filter(line -> line.startsWith("Mark ")).findFirst().orElseThrow().substring(5, 29));
        String excerpt = copy.text().lines().filter(line -> line.contains("Worth")).findFirst().orElseThrow();
        try (Database database = Database.open(server.config().storage(), server.data())) {
            assertThat(new LeakTrace(database.sql()).trace(excerpt).named()).hasValueSatisfying(export ->
                    assertThat(export.personaName()).isEqualTo(juno));
        }

        ben.click(role("button", "Withdraw my answer"));
        ann.seesNo(role("button", "Export transcript"));
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }
}
