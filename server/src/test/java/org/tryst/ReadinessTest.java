package org.tryst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.protocol.HttpApi;

/**
 * Liveness and readiness on SQLite: {@code /healthz} answers at once whatever the database does;
 * {@code /readyz} answers within a second whether the database takes a write.
 */
class ReadinessTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Test
    void aDatabaseThatRefusesWritesIsNotReadyButTheServerIsAlive() throws SQLException {
        assertReady(SERVER);
        try (Connection database = SERVER.database(); Statement statement = database.createStatement()) {
            // What a full disk does to every write, done to the readiness row's.
            statement.execute("CREATE TRIGGER full_insert BEFORE INSERT ON readiness BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
            statement.execute("CREATE TRIGGER full_update BEFORE UPDATE ON readiness BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
            try {
                assertNotReady(SERVER, "the database refused a write");
                assertAlive(SERVER);
            } finally {
                statement.execute("DROP TRIGGER full_insert");
                statement.execute("DROP TRIGGER full_update");
            }
        }
        assertReady(SERVER);
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsNotReadyWithinASecond() throws SQLException {
        try (Connection holder = SERVER.database(); Statement statement = holder.createStatement()) {
            // Another process holds SQLite's write lock: the server's writes wait for it.
            statement.execute("BEGIN IMMEDIATE");
            try {
                assertNotReady(SERVER, "the database did not take a write within 1000 ms");
                assertAlive(SERVER);
            } finally {
                statement.execute("ROLLBACK");
            }
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertReady(SERVER));
    }

    /** Longest wait for an answer: far less than the ten seconds a hung request took to be cut off. */
    private static final Duration ANSWER = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static void assertAlive(TestServer server) {
        HttpResponse<String> alive = get(server, "/healthz");
        assertThat(alive.statusCode()).isEqualTo(200);
        assertThat(alive.body()).isEqualTo("ok\n");
    }

    static void assertReady(TestServer server) {
        HttpResponse<String> ready = get(server, "/readyz");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(TestServer.read(ready.body(), HttpApi.Readiness.class)).isEqualTo(new HttpApi.Readiness(true, null));
    }

    static void assertNotReady(TestServer server, String reason, String... orReasons) {
        HttpResponse<String> unready = get(server, "/readyz");
        assertThat(unready.statusCode()).isEqualTo(503);
        assertThat(unready.headers().firstValue("Content-Type")).hasValue("application/json");
        HttpApi.Readiness answer = TestServer.read(unready.body(), HttpApi.Readiness.class);
        assertThat(answer.ready()).isFalse();
        assertThat(answer.reason()).isIn(Stream.concat(Stream.of(reason), Arrays.stream(orReasons)).toList());
    }

    private static HttpResponse<String> get(TestServer server, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(server.http(path)).timeout(ANSWER).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
