package org.tryst.gateway;

import org.tryst.protocol.CloseCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.RawWebSocket;
import org.tryst.testkit.Wire;

/** Frames that break the WebSocket rules close the offending socket with the code RFC 6455 names, and only it. */
class FramingTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Test
    void invalidUtf8Closes1007() {
        Wire wire = SERVER.connect(SERVER.register("utf"));
        wire.socket().sendFrame(RawWebSocket.TEXT, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, true, 0);
        assertThat(wire.closeCode(WAIT)).isEqualTo(1007);
    }

    @Test
    void reservedBitsClose1002() {
        Wire wire = SERVER.connect(SERVER.register("rsv"));
        wire.socket().sendFrame(RawWebSocket.TEXT, "{}".getBytes(StandardCharsets.UTF_8), true, 0b100);
        assertThat(wire.closeCode(WAIT)).isEqualTo(CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void binaryFramesClose1003() {
        Wire wire = SERVER.connect(SERVER.register("binary"));
        wire.socket().sendFrame(RawWebSocket.BINARY, new byte[] {1, 2, 3}, true, 0);
        assertThat(wire.closeCode(WAIT)).isEqualTo(CloseCodes.UNSUPPORTED_DATA);
    }

    @Test
    void fragmentedMessagesAreReassembled() {
        Wire wire = SERVER.connect(SERVER.register("fragments"));
        byte[] json = ("{\"type\":\"persona.list\",\"id\":\"frag\"}").getBytes(StandardCharsets.UTF_8);
        wire.socket().sendFrame(RawWebSocket.TEXT, java.util.Arrays.copyOfRange(json, 0, 10), false, 0);
        wire.socket().sendFrame(0x0, java.util.Arrays.copyOfRange(json, 10, json.length), true, 0);
        assertThat(wire.expect(ServerMessage.Personas.class).id()).isEqualTo("frag");
    }

    @Test
    void aStormOfBadFramesOnOneSocketLeavesOthersUntouched() {
        Wire calm = SERVER.connect(SERVER.register("calm"));
        for (int i = 0; i < 50; i++) {
            Wire bad = SERVER.connect(SERVER.register("storm"));
            bad.sendJson("{\"type\":");
            bad.expectError("malformed");
            bad.socket().sendFrame(i % 2 == 0 ? RawWebSocket.BINARY : 0x3, new byte[] {9}, true, 0);
            assertThat(bad.closeCode(WAIT)).isIn(CloseCodes.PROTOCOL_ERROR, CloseCodes.UNSUPPORTED_DATA);
        }
        calm.send(new ClientMessage.PersonaList(calm.nextId()));
        calm.expect(ServerMessage.Personas.class);
        calm.expectNothing(Duration.ofMillis(200));
    }
}
