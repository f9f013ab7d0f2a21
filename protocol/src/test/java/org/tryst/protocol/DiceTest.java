package org.tryst.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dice as roleplayers write them, rolled within their faces, and everything else refused with the rule. */
class DiceTest {
    /** A die that comes up with these faces in turn (each as the number it is, so {@code nextInt(n)} gives face - 1). */
    private static RandomGenerator loaded(int... faces) {
        int[] next = {0};
        return new RandomGenerator() {
            @Override public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override public int nextInt(int bound) {
                return faces[next[0]++] - 1;
            }
        };
    }

    @Test
    void expressionsAreReadAsWrittenAndTheRollReadsWithEveryFace() {
        assertThat(Dice.parse("d20").roll(loaded(17)).text()).isEqualTo("d20: 17");
        assertThat(Dice.parse("2d6 + 1").roll(loaded(4, 3)).text()).isEqualTo("2d6+1: (4+3) + 1 = 8");
        assertThat(Dice.parse("3D8-1d4+2").roll(loaded(1, 5, 8, 3)).text()).isEqualTo("3d8-d4+2: (1+5+8) - 3 + 2 = 13");
        assertThat(Dice.parse("-d4+10").roll(loaded(2)).text()).isEqualTo("-d4+10: -2 + 10 = 8");
        assertThat(Dice.parse("1d100").roll(loaded(100)).total()).isEqualTo(100);
    }

    @Test
    void everyFaceStaysOnTheDie() {
        Random random = new Random(7);
        Dice dice = Dice.parse("100d6");
        for (int i = 0; i < 100; i++) {
            Dice.Rolled rolled = dice.roll(random);
            assertThat(rolled.faces().getFirst()).hasSize(100).allSatisfy(face -> assertThat(face).isBetween(1, 6));
            assertThat(rolled.total()).isBetween(100L, 600L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "roll", "2d", "d1", "0d6", "2d6+", "+2d6", "2d6++1", "d1001", "101d6", "60d6+50d6", "5", "1+2",
            "2d6 1", "d20x", "1d6+1d6+1d6+1d6+1d6+1d6+1d6+1d6+1d6+1d6+1d6", "1001+d6", "<b>d6</b>", "9999d9999"})
    void anythingElseIsRefusedSayingHowDiceAreWritten(String written) {
        assertThatThrownBy(() -> Dice.parse(written)).isInstanceOfSatisfying(ProtocolException.class, problem -> {
            assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_MESSAGE);
            assertThat(problem.getMessage()).contains("dice are written like d20, 2d6+1");
        });
    }

    @Test
    void aNullExpressionIsRefusedToo() {
        assertThatThrownBy(() -> Dice.parse(null)).isInstanceOf(ProtocolException.class);
        assertThat(Dice.parse("d6").terms()).isEqualTo(List.of(new Dice.Term(false, 1, 6)));
    }
}
