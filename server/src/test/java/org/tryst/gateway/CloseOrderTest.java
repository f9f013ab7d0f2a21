package org.tryst.gateway;

import org.tryst.protocol.CloseCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.RawWebSocket;
import org.tryst.testkit.Wire;

/**
 * A frame that closes the socket comes after the requests sent before it: each of them gets its
 * one reply before the close frame, and nothing sent after it is handled.
 */
class CloseOrderTest {
    private static final int LINES = 20;

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    static Stream<Arguments> offendingFrames() {
        return Stream.of(
                Arguments.of("binary", CloseCodes.UNSUPPORTED_DATA,
                        (Consumer<RawWebSocket>) socket -> socket.sendFrame(RawWebSocket.BINARY, new byte[] {1, 2, 3}, true, 0)),
                Arguments.of("too big", CloseCodes.TOO_BIG,
                        (Consumer<RawWebSocket>) socket -> socket.sendText("{\"pad\":\"" + "x".repeat(70_000) + "\"}")),
                Arguments.of("reserved bits", CloseCodes.PROTOCOL_ERROR,
                        (Consumer<RawWebSocket>) socket -> socket.sendFrame(RawWebSocket.TEXT, "{}".getBytes(StandardCharsets.UTF_8), true, 0b100)),
                Arguments.of("invalid UTF-8", 1007,
                        (Consumer<RawWebSocket>) socket -> socket.sendFrame(RawWebSocket.TEXT, new byte[] {'{', (byte) 0xC3, 0x28, '}'}, true, 0)),
                Arguments.of("client close", CloseCodes.NORMAL,
                        (Consumer<RawWebSocket>) socket -> socket.sendClose(1000, "bye")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offendingFrames")
    void everyRequestBeforeAClosingFrameIsAnsweredBeforeTheCloseFrame(String name, int code, Consumer<RawWebSocket> offend) {
        Wire wire = SERVER.connect(SERVER.register("orderly"));
        Views.Persona persona = TestServer.persona(wire, "Orderly");
        String channel = "order-" + persona.id().toLowerCase().replaceAll("[^a-z0-9]", "x").substring(0, 10);
        wire.send(new ClientMessage.ChannelCreate(wire.nextId(), persona.id(), channel, null));
        wire.expect(ServerMessage.ChannelJoined.class);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            String id = wire.nextId();
            ids.add(id);
            wire.send(new ClientMessage.Say(id, persona.id(), channel, "line " + i));
        }
        offend.accept(wire.socket());
        wire.sendJson("{\"type\":\"persona.list\",\"id\":\"after\"}");

        assertThat(wire.closeCode(Duration.ofSeconds(10))).isEqualTo(code);
        for (String id : ids) assertThat(wire.expect(ServerMessage.Sent.class, sent -> sent.id().equals(id))).isNotNull();
        for (int i = 0; i < LINES; i++) wire.expect(ServerMessage.ChannelMessage.class);
        wire.expectNothing(Duration.ZERO);
    }
}
