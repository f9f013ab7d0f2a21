package org.tryst.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTest {
    static ByteBuf bytes(String frame) {
        return Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8);
    }

    @Test
    void aStampIsFixedSizeAndReadsBackFromAnyFraming() {
        String payload = Payload.stamp(42, 1_234_567_890_123L);
        assertThat(payload).hasSize(Payload.SIZE).startsWith("b|42|1234567890123|");
        assertThat(Payload.scheduledAt(bytes("42[\"msg\",\"" + payload + "\"]"))).isEqualTo(1_234_567_890_123L);
        assertThat(Payload.scheduledAt(bytes("{\"body\":\"" + payload + "\"}"))).isEqualTo(1_234_567_890_123L);
        assertThat(Payload.scheduledAt(bytes("<message type='groupchat'><body>" + payload + "</body></message>"))).isEqualTo(1_234_567_890_123L);
    }

    @Test
    void framesWithoutAPayloadReadAsMissing() {
        assertThat(Payload.scheduledAt(bytes("{\"type\":\"presence\"}"))).isEqualTo(-1);
        assertThat(Payload.scheduledAt(bytes("b|7"))).isEqualTo(-1);
        assertThat(Payload.scheduledAt(bytes("b|7|notanumber|"))).isEqualTo(-1);
    }
}
