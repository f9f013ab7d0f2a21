package org.tryst.telnet;

import java.util.ArrayList;
import java.util.List;

/**
 * Paragraphs of text for a terminal, each in a tone, wrapped to the viewer's width and coloured
 * only when the client shows colour. What other people wrote is made printable on the way in, so
 * that no line can carry a control character, an ANSI escape or a telnet command to another's
 * screen: the colours here are the only escapes that reach it.
 */
final class Text {
    /** How a paragraph is shown; each is one ANSI colour. */
    enum Tone {
        PLAIN(null), TITLE("1;36"), EXITS("32"), PEOPLE("33"), CHANNEL("35"), PROBLEM("31"), NOTICE("1;33"), QUIET("2");

        private final String sgr;

        Tone(String sgr) {
            this.sgr = sgr;
        }
    }

    private record Paragraph(Tone tone, String text) {}

    private final List<Paragraph> paragraphs = new ArrayList<>();

    /** A paragraph of text; line breaks in it start new lines in the same tone. */
    Text add(Tone tone, String text) {
        paragraphs.add(new Paragraph(tone, text));
        return this;
    }

    Text add(String text) {
        return add(Tone.PLAIN, text);
    }

    boolean isEmpty() {
        return paragraphs.isEmpty();
    }

    /** The paragraphs as lines of at most the viewer's width, each ending in a line break. */
    String render(Viewer viewer) {
        StringBuilder out = new StringBuilder();
        for (Paragraph paragraph : paragraphs) {
            for (String line : paragraph.text().split("\n", -1)) {
                for (String wrapped : wrap(line, viewer.width())) {
                    if (viewer.colour() && paragraph.tone().sgr != null && !wrapped.isEmpty()) {
                        out.append("\u001b[").append(paragraph.tone().sgr).append('m').append(wrapped).append("\u001b[0m");
                    } else {
                        out.append(wrapped);
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Text someone wrote, as a terminal may be given it: control characters become their visible pictures. */
    static String printable(String text) {
        return text == null ? "" : org.tryst.protocol.Printable.of(text, "\n");
    }

    /** One line cut at spaces into pieces of at most {@code width} characters; a longer word is cut where it must be. */
    static List<String> wrap(String line, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int length = 0;
        boolean empty = true;
        for (String word : line.split(" ", -1)) {
            int size = word.codePointCount(0, word.length());
            if (!empty && length + 1 + size > width) {
                lines.add(current.toString());
                current.setLength(0);
                length = 0;
                empty = true;
            }
            if (!empty) {
                current.append(' ');
                length++;
            }
            while (length + size > width) {
                int room = width - length;
                int cut = word.offsetByCodePoints(0, room);
                current.append(word, 0, cut);
                lines.add(current.toString());
                current.setLength(0);
                length = 0;
                word = word.substring(cut);
                size -= room;
            }
            current.append(word);
            length += size;
            empty = false;
        }
        lines.add(current.toString());
        return lines;
    }
}
