package org.tryst.gateway;

import org.tryst.protocol.CloseCodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.RawWebSocket;
import org.tryst.testkit.Wire;

/** The limits that keep one client from costing the server or other users too much. */
class LimitsTest {
    static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite()
            .with(CLOCK)
            .with("TRYST_GATEWAY_HANDSHAKE_TIMEOUT_SECONDS", "1")
            .with("TRYST_RATE_LIMITS_MESSAGES_PER_SECOND_PER_ACCOUNT", "5")
            .with("TRYST_RATE_LIMITS_BURST_PER_ACCOUNT", "20");

    @Test
    void aSocketThatNeverSaysHelloIsClosedInTimeWithItsCode() {
        Wire silent = Wire.connect(SERVER.ws(), SERVER.origin());
        assertThat(silent.closeCode(Duration.ofSeconds(5))).isEqualTo(CloseCodes.IDLE);
    }

    @Test
    void slowHttpHeadersAreCutOffAtTheDeadline() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", SERVER.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            long started = System.nanoTime();
            assertThat(in.read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aCrossOriginUpgradeIsRefused() {
        assertThatThrownBy(() -> RawWebSocket.connect("127.0.0.1", SERVER.port(), "/ws", Map.of("Origin", "https://evil.example")))
                .isInstanceOfSatisfying(RawWebSocket.UpgradeRefused.class, refused -> assertThat(refused.status()).isEqualTo(403));
        Wire allowed = Wire.connect(SERVER.ws(), SERVER.origin());
        allowed.close();
    }

    @Test
    void aTicketWorksOnceAndNotAfterItExpires() {
        TestServer.User user = SERVER.register("ticket");
        String ticket = SERVER.ticket(user.token());
        Wire first = Wire.connect(SERVER.ws(), SERVER.origin());
        first.send(new ClientMessage.Hello(first.nextId(), Codec.VERSION, ticket));
        first.expect(ServerMessage.Welcome.class);
        Wire replay = Wire.connect(SERVER.ws(), SERVER.origin());
        replay.send(new ClientMessage.Hello(replay.nextId(), Codec.VERSION, ticket));
        replay.expectError("ticket_invalid");

        String stale = SERVER.ticket(user.token());
        CLOCK.advance(Duration.ofSeconds(61));
        Wire late = Wire.connect(SERVER.ws(), SERVER.origin());
        late.send(new ClientMessage.Hello(late.nextId(), Codec.VERSION, stale));
        late.expectError("ticket_invalid");
    }

    @Test
    void aTicketFromAnotherSessionIsRefusedWhenACookieNamesOne() throws Exception {
        TestServer.User alice = SERVER.register("cookie-a");
        TestServer.User bob = SERVER.register("cookie-b");
        RawWebSocket socket = RawWebSocket.connect("127.0.0.1", SERVER.port(), "/ws",
                Map.of("Origin", SERVER.origin(), "Cookie", "tryst_session=" + bob.token()));
        Wire wire = Wire.over(socket);
        wire.send(new ClientMessage.Hello(wire.nextId(), Codec.VERSION, SERVER.ticket(alice.token())));
        wire.expectError("ticket_invalid");
    }

    @Test
    void tooManyMessagesAreRefusedWithRetryAfterWhileOthersCarryOn() {
        Wire flooder = SERVER.connect(SERVER.register("flood"));
        Wire calm = SERVER.connect(SERVER.register("calm"));
        for (int i = 0; i < 60; i++) flooder.send(new ClientMessage.PersonaList(flooder.nextId()));
        ServerMessage.Error limited = flooder.expectError("rate_limited");
        assertThat(limited.retryAfterMs()).isPositive();
        calm.send(new ClientMessage.PersonaList(calm.nextId()));
        calm.expect(ServerMessage.Personas.class);
    }

    @Test
    void framesThatFailToDecodeSpendTheRequestBudgetAndAFloodOfThemClosesTheSocket() {
        Wire garbage = SERVER.connect(SERVER.register("garbage"));
        Wire calm = SERVER.connect(SERVER.register("unbothered"));
        floodUntilClosed(garbage, 900, i -> i % 2 == 0 ? "{not json" : "{\"type\":\"teleport\",\"id\":\"t" + i + "\"}");
        assertThat(garbage.closeCode(Duration.ofSeconds(10))).isEqualTo(CloseCodes.POLICY_VIOLATION);
        assertThat(garbage.expectError("malformed")).isNotNull();
        assertThat(garbage.expect(ServerMessage.Error.class, error -> error.code().equals("rate_limited")).retryAfterMs()).isPositive();
        calm.send(new ClientMessage.PersonaList(calm.nextId()));
        calm.expect(ServerMessage.Personas.class);
    }

    @Test
    void aFloodOfMessagesBeforeHelloClosesTheSocket() {
        Wire early = Wire.connect(SERVER.ws(), SERVER.origin());
        floodUntilClosed(early, 300, i -> "{not json");
        assertThat(early.closeCode(Duration.ofSeconds(10))).isEqualTo(CloseCodes.POLICY_VIOLATION);
    }

    /** Sends up to {@code frames} frames; the server may close the socket part-way, which is what a flood earns. */
    private static void floodUntilClosed(Wire wire, int frames, IntFunction<String> frame) {
        try {
            for (int i = 0; i < frames && wire.isOpen(); i++) wire.sendJson(frame.apply(i));
        } catch (UncheckedIOException closedWhileSending) {
            // The close frame is still read below, or the test fails there.
        }
    }
}
