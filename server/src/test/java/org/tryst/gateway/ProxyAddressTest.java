package org.tryst.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.RawWebSocket;
import org.tryst.testkit.Wire;

/**
 * Behind a trusted reverse proxy, per-address limits key on the client the proxy forwards for, over
 * HTTP and on the WebSocket; a client that is no trusted proxy cannot name another address. The
 * test's own connections play the proxy, which appends the address it saw to what the client sent.
 */
class ProxyAddressTest {
    @RegisterExtension
    static final TestServer BEHIND_PROXY = TestServer.sqlite()
            .with("TRYST_HTTP_TRUSTED_PROXIES", "127.0.0.1, ::1")
            .with("TRYST_ACCOUNTS_LOGIN_FAILURES_PER_ADDRESS", "5")
            .with("TRYST_RATE_LIMITS_MESSAGES_PER_SECOND_PER_ADDRESS", "1")
            .with("TRYST_RATE_LIMITS_BURST_PER_ADDRESS", "10");

    @RegisterExtension
    static final TestServer PROXY_ELSEWHERE = TestServer.sqlite()
            .with("TRYST_HTTP_TRUSTED_PROXIES", "192.0.2.0/24")
            .with("TRYST_ACCOUNTS_LOGIN_FAILURES_PER_ADDRESS", "5");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anAttackerBehindTheProxyLocksOutOnlyItsOwnAddress() throws Exception {
        TestServer.User victim = BEHIND_PROXY.register("victim");
        for (int i = 0; i < 5; i++) {
            String spoofed = "198.51.100." + i + ", 203.0.113.7";
            assertThat(login(BEHIND_PROXY, TestServer.uniqueName("guess"), "wrong guess", spoofed).statusCode()).isEqualTo(401);
        }
        assertThat(login(BEHIND_PROXY, TestServer.uniqueName("guess"), "wrong guess", "198.51.100.99, 203.0.113.7").statusCode())
                .as("the attacker's forwarded address is limited, whatever it puts before it").isEqualTo(429);
        assertThat(login(BEHIND_PROXY, victim.username(), victim.password(), "203.0.113.7").statusCode()).isEqualTo(429);
        assertThat(login(BEHIND_PROXY, victim.username(), victim.password(), "192.0.2.10").statusCode())
                .as("everyone else behind the proxy logs in").isEqualTo(200);
    }

    @Test
    void socketsBehindTheProxyHaveTheirClientsLimits() throws Exception {
        Wire flooder = connect(BEHIND_PROXY.register("flood"), "203.0.113.20");
        Wire calm = connect(BEHIND_PROXY.register("calm"), "203.0.113.21");
        for (int i = 0; i < 30; i++) flooder.send(new ClientMessage.PersonaList(flooder.nextId()));
        flooder.expectError("rate_limited");
        calm.send(new ClientMessage.PersonaList(calm.nextId()));
        calm.expect(ServerMessage.Personas.class);
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotSpoofItsAddress() throws Exception {
        TestServer.User victim = PROXY_ELSEWHERE.register("spoofed");
        for (int i = 0; i < 5; i++) {
            assertThat(login(PROXY_ELSEWHERE, TestServer.uniqueName("guess"), "wrong guess", "198.51.100." + i).statusCode())
                    .isEqualTo(401);
        }
        assertThat(login(PROXY_ELSEWHERE, victim.username(), victim.password(), "192.0.2.10").statusCode())
                .as("the forwarded header of a client that is no trusted proxy is ignored").isEqualTo(429);
    }

    private static HttpResponse<String> login(TestServer server, String username, String password, String forwardedFor)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.http("/api/login"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Codec.mapper().writeValueAsBytes(
                        Map.of("username", username, "password", password))))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Wire connect(TestServer.User user, String forwardedFor) throws Exception {
        Wire wire = Wire.over(RawWebSocket.connect("127.0.0.1", BEHIND_PROXY.port(), "/ws",
                Map.of("Origin", BEHIND_PROXY.origin(), "X-Forwarded-For", forwardedFor)));
        wire.send(new ClientMessage.Hello(wire.nextId(), Codec.VERSION, BEHIND_PROXY.ticket(user.token())));
        wire.expect(ServerMessage.Welcome.class);
        return wire;
    }
}
