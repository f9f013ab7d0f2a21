package org.tryst.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CodecTest {

    @Test
    void decodesAValidMessage() {
        var decoded = decode("{\"type\":\"say\",\"id\":\"r1\",\"persona\":\"p1\",\"channel\":\"lobby\",\"text\":\"hello\"}");
        assertThat(decoded).isEqualTo(new Codec.Decoded.Accepted(new ClientMessage.Say("r1", "p1", "lobby", "hello")));
    }

    @Test
    void rejectsWhatIsNotJson() {
        assertRejected(decode("{not json"), null, ErrorCode.MALFORMED);
        assertRejected(decode("[1,2]"), null, ErrorCode.MALFORMED);
        assertRejected(decode("\"text\""), null, ErrorCode.MALFORMED);
        assertRejected(decode("{\"type\":\"say\"} trailing"), null, ErrorCode.MALFORMED);
    }

    @Test
    void rejectsUnknownOrMissingTypesKeepingTheRequestId() {
        assertRejected(decode("{\"type\":\"teleport\",\"id\":\"r7\"}"), "r7", ErrorCode.UNKNOWN_TYPE);
        assertRejected(decode("{\"id\":\"r8\"}"), "r8", ErrorCode.UNKNOWN_TYPE);
        assertRejected(decode("{\"type\":5,\"id\":\"r9\"}"), "r9", ErrorCode.UNKNOWN_TYPE);
    }

    @Test
    void rejectsMissingWrongAndExtraFields() {
        assertRejected(decode("{\"type\":\"say\",\"id\":\"a\",\"channel\":\"lobby\",\"text\":\"hi\"}"), "a", ErrorCode.INVALID_MESSAGE);
        assertRejected(decode("{\"type\":\"say\",\"id\":\"b\",\"persona\":\"p1\",\"channel\":\"lobby\",\"text\":5}"), "b",
                ErrorCode.INVALID_MESSAGE);
        assertRejected(decode("{\"type\":\"say\",\"id\":\"c\",\"persona\":\"p1\",\"channel\":\"lobby\",\"text\":\"hi\",\"x\":1}"), "c",
                ErrorCode.INVALID_MESSAGE);
        assertRejected(decode("{\"type\":\"say\",\"id\":\"d\",\"persona\":\"p1\",\"channel\":\"Not A Channel\",\"text\":\"hi\"}"),
                "d", ErrorCode.INVALID_MESSAGE);
        assertRejected(decode("{\"type\":\"say\",\"id\":\"e\",\"persona\":\"p1\",\"channel\":\"lobby\",\"text\":\"   \"}"), "e",
                ErrorCode.INVALID_MESSAGE);
    }

    @Test
    void aLinesClientIdIsOptionalAndAShortPlainId() {
        var decoded = decode("{\"type\":\"pose\",\"id\":\"r1\",\"persona\":\"p1\",\"channel\":\"lobby\",\"text\":\"waves\","
                + "\"message\":\"01JH8Y4Z3K7Q9R2T5V6W8X0Y1Z\"}");
        assertThat(decoded).isEqualTo(new Codec.Decoded.Accepted(new ClientMessage.Pose("r1", "p1", "lobby", "waves", "01JH8Y4Z3K7Q9R2T5V6W8X0Y1Z")));
        assertRejected(decode("{\"type\":\"say\",\"id\":\"f\",\"persona\":\"p1\",\"channel\":\"lobby\",\"text\":\"hi\","
                + "\"message\":\"not an id\"}"), "f", ErrorCode.INVALID_MESSAGE);
        assertRejected(decode("{\"type\":\"pose\",\"id\":\"g\",\"persona\":\"p1\",\"channel\":\"lobby\",\"text\":\"hi\","
                + "\"message\":\"" + "x".repeat(65) + "\"}"), "g", ErrorCode.INVALID_MESSAGE);
        assertRejected(decode("{\"type\":\"say\",\"id\":\"h\",\"persona\":\"p1\",\"channel\":\"lobby\",\"text\":\"hi\","
                + "\"message\":\"\"}"), "h", ErrorCode.INVALID_MESSAGE);
    }

    @Test
    void rejectsDuplicateKeysAndDeepNesting() {
        assertRejected(decode("{\"type\":\"say\",\"type\":\"pose\"}"), null, ErrorCode.MALFORMED);
        assertRejected(decode("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"), null, ErrorCode.MALFORMED);
    }

    @Test
    void presenceCannotBeSetToOffline() {
        assertRejected(decode("{\"type\":\"presence.set\",\"id\":\"p\",\"persona\":\"p1\",\"status\":\"offline\"}"), "p",
                ErrorCode.INVALID_MESSAGE);
        assertThat(decode("{\"type\":\"presence.set\",\"persona\":\"p1\",\"status\":\"away\"}"))
                .isInstanceOf(Codec.Decoded.Accepted.class);
    }

    @Test
    void serverMessagesRoundTripAndOmitNulls() throws Exception {
        var message = new ServerMessage.ChannelMessage(new Views.Message("m1", "lobby", MessageKind.POSE,
                new Views.Author("p1", "Rowan"), "waves", 42));
        byte[] json = Codec.encode(message);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"type\":\"message\"").contains("\"kind\":\"pose\"");
        assertThat(Codec.decodeServer(json)).isEqualTo(message);
        assertThat(new String(Codec.encode(new ServerMessage.Ok(null)), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"ok\"}");
    }

    @Property(tries = 2_000)
    void neverThrowsOnArbitraryBytes(@ForAll byte[] frame) {
        assertThat(Codec.decodeClient(frame)).isNotNull();
    }

    @Property(tries = 500)
    void sayRoundTripsAnyNonBlankText(@ForAll("texts") String text) {
        var say = new ClientMessage.Say("r1", "p1", "lobby", text);
        assertThat(Codec.decodeClient(Codec.encode(say))).isEqualTo(new Codec.Decoded.Accepted(say));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> texts() {
        return net.jqwik.api.Arbitraries.strings().ofMinLength(1).ofMaxLength(200).filter(s -> !s.isBlank());
    }

    private static Codec.Decoded decode(String json) {
        return Codec.decodeClient(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(Codec.Decoded decoded, String id, ErrorCode code) {
        assertThat(decoded).isInstanceOf(Codec.Decoded.Rejected.class);
        var rejected = (Codec.Decoded.Rejected) decoded;
        assertThat(rejected.id()).isEqualTo(id);
        assertThat(rejected.problem().code()).isEqualTo(code);
    }
}
