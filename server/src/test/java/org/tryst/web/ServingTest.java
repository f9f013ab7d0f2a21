package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/**
 * The web client is sent compressed in the best coding the browser accepts, its hashed assets are
 * kept by browsers for good, and the page itself and the API are never kept.
 */
class ServingTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    private static final HttpClient http = HttpClient.newHttpClient();

    private static HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.http(path));
        if (acceptEncoding != null) request.header("Accept-Encoding", acceptEncoding);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] plain(String path) throws IOException {
        try (InputStream in = ServingTest.class.getResourceAsStream("/web" + path)) {
            return in.readAllBytes();
        }
    }

    /** The client's main script, by the hashed name the page gives it. */
    private static String script() throws IOException {
        Matcher src = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(new String(plain("/index.html"), StandardCharsets.UTF_8));
        assertThat(src.find()).as("the page names its script").isTrue();
        return src.group(1);
    }

    @Test
    void theBestAcceptedCodingIsSentAndGzipDecodesToTheFile() throws Exception {
        String script = script();
        byte[] file = plain(script);

        HttpResponse<byte[]> brotli = get(script, "gzip, deflate, br, zstd");
        assertThat(brotli.headers().firstValue("Content-Encoding")).contains("br");
        assertThat(brotli.body().length).isLessThan(file.length / 2);
        assertThat(brotli.headers().firstValue("Vary")).hasValueSatisfying(vary -> assertThat(vary).containsIgnoringCase("accept-encoding"));

        HttpResponse<byte[]> gzip = get(script, "gzip;q=1.0, br;q=0");
        assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes()).isEqualTo(file);

        HttpResponse<byte[]> none = get(script, null);
        assertThat(none.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(none.body()).isEqualTo(file);
        assertThat(get(script + ".br", "br").statusCode()).as("the copies are not files of their own").isEqualTo(404);
    }

    @Test
    void hashedAssetsAreKeptForGoodAndThePageAndTheApiNever() throws Exception {
        assertThat(get(script(), "br").headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        HttpResponse<byte[]> page = get("/", "br");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).contains("br");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(get("/readyz", "br").headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void theAppInstallsUnderTheNeutralNameOfItsPage() throws Exception {
        assertThat(new String(plain("/index.html"), StandardCharsets.UTF_8)).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\"");
        HttpResponse<byte[]> manifest = get("/manifest.webmanifest", null);
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/manifest+json"));
        var fields = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.body());
        assertThat(fields.get("name").asText()).isEqualTo("Notes");
        assertThat(fields.get("short_name").asText()).isEqualTo("Notes");
        assertThat(fields.get("display").asText()).isEqualTo("standalone");
        assertThat(get(fields.get("icons").get(0).get("src").asText(), null).statusCode()).isEqualTo(200);
    }
}
