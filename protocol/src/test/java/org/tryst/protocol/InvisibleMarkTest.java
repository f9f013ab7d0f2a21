package org.tryst.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The invisible mark against the test vector of docs/protocol.md, which the web client's test uses too. */
class InvisibleMarkTest {
    /** The vector's mark, its CRC-32 is 9270c965. */
    static final String MARK = "000102030405060708090a0b";
    /** The vector's base-4 digits: 0 is U+200B, 1 U+200C, 2 U+200D, 3 U+2060. */
    static final String DIGITS = "0000000100020003001000110012001300200021002200232102130030211211";

    private static String encoded() {
        StringBuilder out = new StringBuilder();
        for (char digit : DIGITS.toCharArray()) out.append("\u200B\u200C\u200D\u2060".charAt(digit - '0'));
        return out.toString();
    }

    @Test
    void encodesTheVector() {
        assertThat(InvisibleMark.encode(MARK)).isEqualTo(encoded()).hasSize(64);
    }

    @Test
    void marksEveryLineAfterItsFirstSpaceAndAtItsEnd() {
        String m = encoded();
        assertThat(InvisibleMark.apply("Rowan: hello there\n\nok", MARK)).isEqualTo("Rowan: " + m + "hello there" + m + "\n\nok" + m);
    }

    @Test
    void findsTheMarkInEveryLineAndInAnExcerpt() {
        String marked = InvisibleMark.apply("[18:01] Rowan: hello there\n[18:02] Sage: hi\n[18:03] Rowan: bye", MARK);
        assertThat(InvisibleMark.find(marked)).hasSize(6).containsOnly(MARK);
        String excerpt = marked.substring(marked.indexOf("Sage"), marked.indexOf("bye"));
        assertThat(InvisibleMark.find(excerpt)).containsExactly(MARK, MARK);
        assertThat(InvisibleMark.find("no mark here")).isEmpty();
    }

    @Test
    void anAlteredOrShortenedMarkIsNoMark() {
        String m = encoded();
        String altered = m.substring(0, 10) + (m.charAt(10) == '\u200B' ? '\u200C' : '\u200B') + m.substring(11);
        assertThat(InvisibleMark.find("a " + altered + "b")).isEmpty();
        assertThat(InvisibleMark.find("a " + m.substring(1) + "b")).isEmpty();
        assertThat(InvisibleMark.find("a \u200D" + m + "\u200Cb")).containsExactly(MARK); // a stray joiner beside it does not hide it
    }

    @Test
    void aMarkPlantedInTheTextIsRemovedBeforeMarking() {
        String other = "ffeeddccbbaa998877665544";
        String planted = "look " + InvisibleMark.encode(other) + "here";
        assertThat(InvisibleMark.find(InvisibleMark.apply(planted, MARK))).containsExactly(MARK, MARK);
        assertThat(InvisibleMark.apply("a family 👩\u200D👩\u200D👧", MARK)).contains("👩\u200D👩\u200D👧");
    }

    @Test
    void onlyServerMarksAreEncoded() {
        assertThat(InvisibleMark.isMark(MARK)).isTrue();
        assertThatThrownBy(() -> InvisibleMark.encode("ABC")).isInstanceOf(IllegalArgumentException.class);
    }
}
