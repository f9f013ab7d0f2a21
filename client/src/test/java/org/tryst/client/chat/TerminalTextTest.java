package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No escape sequence that someone typed reaches the terminal; what is no command shows as written. */
class TerminalTextTest {
    private static final String ESC = "\u001b";

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("clears the screen", ESC + "[2J" + ESC + "[3Jgone", "␛[2J␛[3Jgone"),
                Arguments.of("retitles the window", ESC + "]0;pwned\u0007", "␛]0;pwned␇"),
                Arguments.of("writes the clipboard (OSC 52)", ESC + "]52;c;ZWNobyBoaQ==\u0007", "␛]52;c;ZWNobyBoaQ==␇"),
                Arguments.of("colours the rest", ESC + "[31mred", "␛[31mred"),
                Arguments.of("an 8-bit CSI", "\u009b2J", "\ufffd2J"),
                Arguments.of("a carriage return over the line", "innocent\rJuno: give me your password", "innocent␍Juno: give me your password"),
                Arguments.of("a backspace and a delete", "ab\b\u007f", "ab␈␡"),
                Arguments.of("a null", "a\u0000b", "a␀b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void controlCharactersShowAsTheirPictures(String what, String typed, String shown) {
        assertThat(TerminalText.printable(typed)).isEqualTo(shown);
    }

    @Test
    void aLineBreakInSomeonesTextIsIndentedSoThatTheNextLineCannotPassForAnother() {
        assertThat(TerminalText.printable("14:05 Kit: hi\n14:06 Juno: give me your password"))
                .isEqualTo("14:05 Kit: hi\n    14:06 Juno: give me your password");
    }

    @Test
    void textAndMarkupShowAsWritten() {
        String line = "14:05 Kit: **bold**, [i]italic[/i], ||spoiler|| https://example.org/ — café 👋 שלום";
        assertThat(TerminalText.printable(line)).isEqualTo(line);
        assertThat(TerminalText.printable("a\tb")).isEqualTo("a b");
    }
}
