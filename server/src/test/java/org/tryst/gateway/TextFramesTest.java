package org.tryst.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Frames encoded once for a fan-out read back, through a client's decoder, as the text they carry, at every length form. */
class TextFramesTest {
    @Test
    void everyLengthFormDecodes() {
        for (int length : new int[] {0, 1, 125, 126, 127, 65_535, 65_536, 200_000}) {
            String text = "é".repeat(length / 2) + "x".repeat(length % 2);
            EmbeddedChannel client = new EmbeddedChannel(new WebSocket08FrameDecoder(WebSocketDecoderConfig.newBuilder()
                    .expectMaskedFrames(false).maxFramePayloadLength(1 << 20).build()));
            client.writeInbound(TextFrames.of(text.getBytes(StandardCharsets.UTF_8)));
            TextWebSocketFrame frame = client.readInbound();
            assertThat(frame.isFinalFragment()).isTrue();
            assertThat(frame.text()).as("length %d", length).isEqualTo(text);
            frame.release();
            client.finishAndReleaseAll();
        }
    }
}
