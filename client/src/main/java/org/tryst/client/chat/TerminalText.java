package org.tryst.client.chat;

/**
 * Text as the terminal may be given it: what others wrote (lines, topics, notes) can hold control
 * characters, and an escape sequence among them would reach the terminal as a command (clear the
 * screen, retitle the window, write the clipboard, redraw the prompt). Each control character is
 * shown as its visible picture instead ({@code ␛} for ESC), and a line break in someone's text is
 * indented, so that the lines after it cannot pass for lines of their own. Formatting markup
 * ({@code **bold**}, {@code [i]…[/i]}) is shown as typed: the plain-text convention it comes from.
 */
final class TerminalText {
    /** What follows a line break inside a shown line. */
    static final String CONTINUED = "\n    ";

    private TerminalText() {}

    /** The line with nothing in it that a terminal would take for a command. */
    static String printable(String line) {
        StringBuilder shown = new StringBuilder(line.length());
        line.codePoints().forEach(c -> {
            if (c == '\n') shown.append(CONTINUED);
            else if (c == '\t') shown.append(' ');
            else if (c < 0x20) shown.appendCodePoint(0x2400 + c); // the Control Pictures block: ␀ … ␟, ␛ for ESC
            else if (c == 0x7f) shown.append('\u2421'); // ␡
            else if (c >= 0x80 && c <= 0x9f) shown.append('\ufffd'); // C1 controls, CSI (0x9b) among them
            else shown.appendCodePoint(c);
        });
        return shown.toString();
    }
}
