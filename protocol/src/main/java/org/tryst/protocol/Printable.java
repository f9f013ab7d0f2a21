package org.tryst.protocol;

/**
 * Text someone else wrote, made safe for a terminal: each control character is shown as its
 * visible picture ({@code ␛} for ESC), C1 controls (CSI among them) as {@code �}, a tab as a space,
 * so that no line can reach a terminal as a command (clear the screen, retitle the window, write
 * the clipboard). What a line break becomes is the caller's: a terminal client indents it.
 */
public final class Printable {
    private Printable() {}

    /** The text with nothing in it that a terminal would take for a command; each line break written as {@code lineBreak}. */
    public static String of(String text, String lineBreak) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') shown.append(lineBreak);
            else if (c == '\t') shown.append(' ');
            else if (c < 0x20) shown.appendCodePoint(0x2400 + c); // the Control Pictures block: ␀ … ␟, ␛ for ESC
            else if (c == 0x7f) shown.append('\u2421'); // ␡
            else if (c >= 0x80 && c <= 0x9f) shown.append('\ufffd'); // C1 controls, CSI (0x9b) among them
            else shown.appendCodePoint(c);
        });
        return shown.toString();
    }
}
