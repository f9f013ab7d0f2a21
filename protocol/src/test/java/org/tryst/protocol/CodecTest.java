package org.tryst.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
    void rejectsDeepNesting() {
        assertRejected(decode("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"), null, ErrorCode.MALFORMED);
    }

    private static final String SAY = "{\"type\":\"say\",\"id\":\"r1\",\"persona\":\"p1\",\"channel\":\"lobby\",";
    private static final String HISTORY = "{\"type\":\"channel.history\",\"id\":\"r1\",\"persona\":\"p1\",\"channel\":\"lobby\",";
    private static final String EMOJI = "\uD83D\uDE00";

    /** Bad frames that are valid JSON: each is refused with its typed error, the request id, and a message naming what is wrong. */
    static Stream<Arguments> badFrames() {
        return Stream.of(
                row("{\"type\":\"password.change\",\"id\":\"r1\",\"current\":\"old one\",\"next\":\"" + "p".repeat(1_025) + "\"}",
                        "r1", ErrorCode.PASSWORD_LENGTH, "next"),
                row("{\"type\":\"account.delete\",\"id\":\"r1\",\"password\":\"" + "p".repeat(1_025) + "\"}",
                        "r1", ErrorCode.PASSWORD_LENGTH, "password"),
                row(SAY + "\"text\":\"a\",\"text\":\"b\"}", "r1", ErrorCode.INVALID_MESSAGE, "'text' appears twice"),
                row("{\"type\":\"boundaries.set\",\"id\":\"r1\",\"persona\":\"p1\",\"answers\":{\"pain\":\"no\",\"pain\":\"yes\"}}",
                        "r1", ErrorCode.INVALID_MESSAGE, "'pain' appears twice"),
                row("{\"type\":\"say\",\"type\":\"pose\",\"id\":\"r1\"}", "r1", ErrorCode.INVALID_MESSAGE, "'type' appears twice"),
                // Which of two ids would the reply carry? Neither.
                row(SAY + "\"id\":\"r2\",\"text\":\"hi\"}", null, ErrorCode.INVALID_MESSAGE, "'id' appears twice"),
                row(HISTORY + "\"limit\":2.5}", "r1", ErrorCode.INVALID_MESSAGE, "limit"),
                row(HISTORY + "\"limit\":50.0}", "r1", ErrorCode.INVALID_MESSAGE, "limit"),
                row(HISTORY + "\"limit\":5e1}", "r1", ErrorCode.INVALID_MESSAGE, "limit"),
                row("{\"type\":\"mod.audit\",\"id\":\"r1\",\"limit\":2.5}", "r1", ErrorCode.INVALID_MESSAGE, "limit"),
                row(HISTORY + "\"limit\":3000000000}", "r1", ErrorCode.INVALID_MESSAGE, "'limit' is out of range"),
                row(HISTORY + "\"limit\":123456789012345678901234567890}", "r1", ErrorCode.INVALID_MESSAGE, "'limit' is out of range"),
                row(HISTORY + "\"limit\":" + "9".repeat(5_000) + "}", "r1", ErrorCode.INVALID_MESSAGE, "'limit' is out of range"),
                row(HISTORY + "\"limit\":1e999999}", "r1", ErrorCode.INVALID_MESSAGE, "'limit' is out of range"),
                row(HISTORY + "\"limit\":-1e999999}", "r1", ErrorCode.INVALID_MESSAGE, "'limit' is out of range"),
                row("{\"type\":\"scene.timer\",\"id\":\"r1\",\"scene\":\"s1\",\"persona\":\"p1\",\"seconds\":99999999999999999999}",
                        "r1", ErrorCode.INVALID_MESSAGE, "'seconds' is out of range"),
                row(SAY + "\"text\":\"a\\ud800b\"}", "r1", ErrorCode.INVALID_MESSAGE, "'text'"),
                row(SAY + "\"text\":\"a\\udc00\"}", "r1", ErrorCode.INVALID_MESSAGE, "unpaired surrogate"),
                row(SAY + "\"text\":\"\\ude00\\ud83d\"}", "r1", ErrorCode.INVALID_MESSAGE, "'text'"),
                row("{\"type\":\"persona.update\",\"id\":\"r1\",\"persona\":\"p1\",\"summary\":\"\\ud83d\"}",
                        "r1", ErrorCode.INVALID_MESSAGE, "'summary'"),
                row("{\"type\":\"scene.ack\",\"id\":\"r1\",\"messages\":[\"m1\",\"\\ud800\"]}", "r1", ErrorCode.INVALID_MESSAGE, "'messages'"),
                row("{\"type\":\"say\",\"id\":\"\\ud800\",\"persona\":\"p1\",\"channel\":\"lobby\",\"text\":\"hi\"}",
                        null, ErrorCode.INVALID_MESSAGE, "'id'"),
                row(SAY + "\"te\\ud800xt\":\"hi\"}", "r1", ErrorCode.INVALID_MESSAGE, "unpaired surrogate"),
                row("{\"type\":\"persona.update\",\"id\":\"r1\",\"persona\":\"p1\",\"summary\":\"" + EMOJI.repeat(201) + "\"}",
                        "r1", ErrorCode.INVALID_MESSAGE, "longer than 200 characters"));
    }

    @ParameterizedTest(name = "{index}: {2} {3}")
    @MethodSource("badFrames")
    void refusesABadFrameWithItsTypedErrorAndTheRequestId(String frame, String id, ErrorCode code, String says) {
        var rejected = assertRejected(decode(frame), id, code);
        assertThat(rejected.problem().getMessage()).contains(says);
    }

    @Test
    void countsCharactersAsUnicodeCodePoints() {
        assertThat(decode("{\"type\":\"persona.update\",\"persona\":\"p1\",\"summary\":\"" + EMOJI.repeat(200) + "\"}"))
                .isEqualTo(new Codec.Decoded.Accepted(new ClientMessage.PersonaUpdate(null, "p1", EMOJI.repeat(200), null, null)));
        assertThat(decode("{\"type\":\"boundaries.set\",\"persona\":\"p1\",\"answers\":{},\"notes\":\"" + EMOJI.repeat(2_000) + "\"}"))
                .isInstanceOf(Codec.Decoded.Accepted.class);
        assertThat(decode(SAY + "\"text\":\"\\ud83d\\ude00 paired\"}"))
                .isEqualTo(new Codec.Decoded.Accepted(new ClientMessage.Say("r1", "p1", "lobby", EMOJI + " paired")));
        assertThat(decode("{\"type\":\"say\",\"id\":\"" + EMOJI.repeat(64) + "\",\"persona\":\"p1\",\"channel\":\"lobby\",\"text\":\"hi\"}"))
                .isInstanceOf(Codec.Decoded.Accepted.class);
    }

    @Test
    void acceptsWholeNumbersUpToTheFieldsRange() {
        assertThat(decode(HISTORY + "\"limit\":200}")).isInstanceOf(Codec.Decoded.Accepted.class);
        assertThat(decode("{\"type\":\"report.scene\",\"persona\":\"p1\",\"scene\":\"s1\",\"sender\":\"p2\",\"epoch\":9223372036854775807,"
                + "\"at\":-9223372036854775808,\"kid\":2147483647,\"tag\":\"AA==\",\"commitment\":\"AA==\",\"frankingKey\":\"AA==\","
                + "\"body\":\"AA==\",\"reason\":\"spam\"}")).isInstanceOf(Codec.Decoded.Accepted.class);
    }

    private static Arguments row(String frame, String id, ErrorCode code, String says) {
        return Arguments.of(frame, id, code, says);
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

    private static Codec.Decoded.Rejected assertRejected(Codec.Decoded decoded, String id, ErrorCode code) {
        assertThat(decoded).isInstanceOf(Codec.Decoded.Rejected.class);
        var rejected = (Codec.Decoded.Rejected) decoded;
        assertThat(rejected.id()).isEqualTo(id);
        assertThat(rejected.problem().code()).as(rejected.problem().getMessage()).isEqualTo(code);
        return rejected;
    }
}
