package org.tryst.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.config.Config;
import org.tryst.config.ConfigException;
import org.tryst.metrics.Metrics;

/**
 * {@code /metrics} is served on its own listener, never on the public port; without a token it
 * answers only requests to an IP address or localhost (not a rebound DNS name), with one it
 * answers only scrapers that send it.
 */
class MetricsListenerTest {
    @RegisterExtension
    static final TestServer OPEN = TestServer.sqlite();

    @RegisterExtension
    static final TestServer WITH_TOKEN = TestServer.sqlite().with("TRYST_METRICS_TOKEN", "scrape-secret");

    @RegisterExtension
    static final TestServer OFF = TestServer.sqlite().with("TRYST_METRICS_LISTEN", "off");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void thePublicPortHasNoMetrics() throws Exception {
        assertThat(get(OPEN.http("/metrics"), null).statusCode()).isEqualTo(404);
        assertThat(get(OFF.http("/metrics"), null).statusCode()).isEqualTo(404);
    }

    @Test
    void theMetricsListenerServesPrometheusText() throws Exception {
        HttpResponse<String> scrape = get(OPEN.metrics(), null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.body()).contains("tryst_slow_consumers_total").contains("jvm_memory_used_bytes");
        assertThat(get(URI.create(OPEN.metrics().toString().replace("/metrics", "/healthz")), null).statusCode()).isEqualTo(404);
    }

    @Test
    void aRequestByAnotherHostNameIsRefused() throws Exception {
        int port = OPEN.metrics().getPort();
        assertThat(statusWithHost(port, "rebound.example:" + port)).isEqualTo(403);
        assertThat(statusWithHost(port, "localhost:" + port)).isEqualTo(200);
        assertThat(statusWithHost(port, "[::1]:" + port)).isEqualTo(200);
    }

    @Test
    void aConfiguredTokenIsRequired() throws Exception {
        assertThat(get(WITH_TOKEN.metrics(), null).statusCode()).isEqualTo(401);
        assertThat(get(WITH_TOKEN.metrics(), "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(get(WITH_TOKEN.metrics(), "Bearer scrape-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void theListenerCanBeOff() {
        assertThat(OFF.metricsPort()).isEmpty();
    }

    @Test
    void aPortInUseIsNamedByItsOption() throws Exception {
        MetricsListener second = new MetricsListener(new Config.Metrics("127.0.0.1:" + OPEN.metrics().getPort(), ""), new Metrics());
        assertThatThrownBy(second::start).isInstanceOf(ConfigException.class).hasMessageContaining("metrics.listen");
        second.close();
    }

    private static HttpResponse<String> get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (authorization != null) request.header("Authorization", authorization);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser on a rebound name sends that name as Host, which the Java client does not let a test set. */
    private static int statusWithHost(int port, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /metrics HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
