package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The panic key's page is the operator's choice: the server sends {@code /hide} there, and no cache keeps the answer. */
class PanicPageTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite().with("TRYST_WEB_PANIC_PAGE", "https://news.example/today");

    @Test
    void hideRedirectsToTheConfiguredPage() throws Exception {
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.http("/hide")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).contains("https://news.example/today");
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }
}
