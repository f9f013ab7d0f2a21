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
        return org.tryst.protocol.Printable.of(line, CONTINUED);
    }
}
