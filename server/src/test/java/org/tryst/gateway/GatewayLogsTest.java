package org.tryst.gateway;

import org.tryst.protocol.CloseCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.CapturedLogs;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.testkit.Wire;

/**
 * An operator can follow what sockets and accounts do from the log: each event once, with the
 * connection's short id, codes and counts, never a username; repeats are summed up per socket.
 */
class GatewayLogsTest {
    @RegisterExtension
    static final CapturedLogs logs = new CapturedLogs();

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with("TRYST_RATE_LIMITS_BURST_PER_ACCOUNT", "5");

    @Test
    void aSocketsLifeIsLoggedOnceWithCodesAndCounts() {
        TestServer.User user = SERVER.register("logged");
        Wire wire = SERVER.connect(user);
        for (int i = 0; i < 3; i++) wire.sendJson("{not json");
        for (int i = 0; i < 20; i++) wire.send(new ClientMessage.PersonaList(wire.nextId()));
        wire.expect(org.tryst.protocol.ServerMessage.Error.class, error -> error.code().equals("rate_limited"));
        wire.socket().sendClose(1000, "");
        assertThat(wire.closeCode(Duration.ofSeconds(5))).isEqualTo(CloseCodes.NORMAL);

        Awaitility.await().untilAsserted(() -> assertThat(logs.lines()).anyMatch(line -> line.startsWith("socket closed")
                && line.contains("code=\"1000\"") && line.contains("refused_malformed=\"3\"") && line.contains("refused_rate_limited=")));
        List<String> lines = logs.lines();
        assertThat(lines).anyMatch(line -> line.startsWith("socket opened connection="))
                .anyMatch(line -> line.startsWith("hello accepted connection="))
                .anyMatch(line -> line.equals("account registered"));
        assertThat(lines).filteredOn(line -> line.startsWith("rate limited")).hasSize(1);
        assertThat(lines).noneMatch(line -> line.contains(user.username()));
    }

    @Test
    void refusedHellosAndLoginsAreLoggedWithTheirCodeOnly() {
        Wire forged = Wire.connect(SERVER.ws(), SERVER.origin());
        forged.send(new ClientMessage.Hello(forged.nextId(), Codec.VERSION, "not-a-real-ticket"));
        assertThat(forged.closeCode(Duration.ofSeconds(5))).isEqualTo(CloseCodes.HELLO_REFUSED);
        TestServer.User user = SERVER.register("login");
        SERVER.post("/api/login", Map.of("username", user.username(), "password", "wrong password here"), null);
        SERVER.post("/api/login", Map.of("username", user.username(), "password", user.password()), null);

        Awaitility.await().untilAsserted(() -> assertThat(logs.lines())
                .anyMatch(line -> line.startsWith("hello refused") && line.contains("error=\"ticket_invalid\""))
                .anyMatch(line -> line.startsWith("socket closed") && line.contains("code=\"4002\""))
                .anyMatch(line -> line.startsWith("refused path=\"/api/login\" error=\"invalid_credentials\""))
                .anyMatch(line -> line.equals("logged in")));
        assertThat(logs.lines()).noneMatch(line -> line.contains(user.username()));
    }
}
