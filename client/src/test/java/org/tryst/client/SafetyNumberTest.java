package org.tryst.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The safety number against the same vectors as the web client's {@code web/src/mls/safety.test.ts},
 * so that a terminal and a browser show a pair the same sixty digits in the same twelve groups.
 */
class SafetyNumberTest {
    private static final byte[] ALICE = bytes(i -> i);
    private static final List<byte[]> BOB = List.of(bytes(i -> 255 - i), bytes(i -> (i * 7) % 256));
    private static final String EXPECTED = "17722 06735 52097 83943 56628 45202 22213 06732 16969 21301 43411 56738";

    @Test
    void oneHalfIsTheBrowsersHalf() {
        assertThat(SafetyNumber.half("alice-id", List.of(ALICE))).isEqualTo("222130673216969213014341156738");
    }

    @Test
    void theNumberIsTheBrowsersInTwelveGroupsOfFiveFromEitherSide() {
        assertThat(SafetyNumber.of("alice-id", List.of(ALICE), "bob-id", BOB)).isEqualTo(EXPECTED).matches("(\\d{5} ){11}\\d{5}");
        assertThat(SafetyNumber.of("bob-id", BOB.reversed(), "alice-id", List.of(ALICE))).isEqualTo(EXPECTED);
    }

    @Test
    void anotherDeviceChangesTheNumber() {
        assertThat(SafetyNumber.of("alice-id", List.of(ALICE, new byte[32]), "bob-id", BOB)).isNotEqualTo(EXPECTED);
    }

    private static byte[] bytes(IntUnaryOperator value) {
        byte[] key = new byte[32];
        IntStream.range(0, 32).forEach(i -> key[i] = (byte) value.applyAsInt(i));
        return key;
    }
}
