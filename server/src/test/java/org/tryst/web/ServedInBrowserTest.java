package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.web.InBrowser.newcomer;
import static org.tryst.web.InBrowser.say;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/** Chromium runs the client as the server sends it: compressed, and under the strict content security policy, with nothing refused. */
class ServedInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    @Test
    void theClientRunsCompressedUnderItsPolicyWithNothingRefused() {
        Browser.Page page = browser.open(server.origin());
        String channel = TestServer.uniqueName("porch").toLowerCase();
        newcomer(page, "sorrel", "Sorrel", channel);
        say(page, "the kettle is on");

        JsonNode scripts = page.evaluate("""
                performance.getEntriesByType('resource').filter(entry => entry.name.endsWith('.js'))
                    .map(entry => ({ name: entry.name, encoded: entry.encodedBodySize, decoded: entry.decodedBodySize }))""");
        assertThat(scripts).anySatisfy(script -> assertThat(script.get("decoded").asLong()).isGreaterThan(50_000));
        for (JsonNode script : scripts) {
            if (script.get("decoded").asLong() > 1_000) {
                assertThat(script.get("encoded").asLong()).as(script.get("name").asText()).isLessThan(script.get("decoded").asLong() / 2);
            }
        }
        page.reload();
        assertThat(page.errors()).noneMatch(error -> error.contains("Content Security Policy"));
        assertThat(page.errors()).isEmpty();
    }
}
