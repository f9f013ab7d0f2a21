package org.tryst.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes a WebSocket client sends as a frame: the codec answers with a valid message or a typed
 * rejection, and nothing else; an accepted message survives encoding and decoding again unchanged.
 * The seeds are the protocol document's examples and the codec tests' frames.
 */
class CodecFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void decodesAFrameOrRefusesItWithATypedError(byte[] frame) {
        switch (Codec.decodeClient(frame)) {
            case Codec.Decoded.Accepted(ClientMessage message) ->
                    assertThat(Codec.decodeClient(Codec.encode(message))).isEqualTo(new Codec.Decoded.Accepted(message));
            case Codec.Decoded.Rejected(String id, ProtocolException problem) -> {
                assertThat(problem.code()).isNotNull();
                assertThat(problem.getMessage()).isNotBlank();
                // The generic message is what a record's constructor failing with anything but a
                // ProtocolException becomes: validation that breaks on some input instead of naming it.
                assertThat(problem.getMessage()).doesNotStartWith("invalid ");
                // The request id is echoed only when it is text that could be one (docs/protocol.md, Strictness).
                if (id != null) assertThat(Fields.characters(id) <= Fields.MAX_REQUEST_ID && Fields.wellFormed(id)).as(id).isTrue();
            }
        }
    }
}
