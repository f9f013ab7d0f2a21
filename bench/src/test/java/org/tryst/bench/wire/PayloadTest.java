package org.tryst.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadTest {
    @Test
    void aStampIsFixedSizeAndReadsBackFromAnyFraming() {
        String payload = Payload.stamp(42, 1_234_567_890_123L);
        assertThat(payload).hasSize(Payload.SIZE).startsWith("b|42|1234567890123|");
        assertThat(Payload.scheduledAt("42[\"msg\",\"" + payload + "\"]")).isEqualTo(1_234_567_890_123L);
        assertThat(Payload.scheduledAt("<message type='groupchat'><body>" + payload + "</body></message>")).isEqualTo(1_234_567_890_123L);
    }

    @Test
    void framesWithoutAPayloadReadAsMissing() {
        assertThat(Payload.scheduledAt("{\"type\":\"presence\"}")).isEqualTo(-1);
        assertThat(Payload.scheduledAt("b|7")).isEqualTo(-1);
        assertThat(Payload.scheduledAt("b|7|notanumber|")).isEqualTo(-1);
    }
}
