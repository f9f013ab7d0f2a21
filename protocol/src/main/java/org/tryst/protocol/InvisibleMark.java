package org.tryst.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The invisible mark of an exported transcript: the server's 96-bit mark and its CRC-32, written
 * as 64 zero-width characters (two bits each) into every line, so that an excerpt, or a copy whose
 * visible header was removed, still names the export it came from. Specified in docs/protocol.md
 * ("Invisible marks"), with a test vector that the web client meets too.
 */
public final class InvisibleMark {
    /** Bytes in a mark; its hex form has twice as many characters. */
    public static final int MARK_BYTES = 12;
    /** Zero-width characters in one encoded mark. */
    public static final int LENGTH = (MARK_BYTES + 4) * 4;
    /** The four digits, 0 to 3: zero width space, zero width non-joiner, zero width joiner, word joiner. */
    private static final String DIGITS = "\u200B\u200C\u200D\u2060";
    private static final Pattern HEX_MARK = Pattern.compile("[0-9a-f]{" + MARK_BYTES * 2 + "}");
    /** Two or more of the digits in a row: never in honest text, so removed before marking (nobody plants a mark in another's copy). */
    private static final Pattern RUNS = Pattern.compile("[" + DIGITS + "]{2,}");
    private static final HexFormat HEX = HexFormat.of();

    private InvisibleMark() {}

    /** Whether a string is a mark as the server issues it: 24 lowercase hex digits. */
    public static boolean isMark(String mark) {
        return mark != null && HEX_MARK.matcher(mark).matches();
    }

    /** The 64 invisible characters that carry a mark. */
    public static String encode(String mark) {
        if (!isMark(mark)) throw new IllegalArgumentException("a mark is 24 lowercase hex digits");
        byte[] bytes = HEX.parseHex(mark);
        byte[] payload = ByteBuffer.allocate(MARK_BYTES + 4).put(bytes).putInt((int) crc(bytes)).array();
        StringBuilder out = new StringBuilder(LENGTH);
        for (byte b : payload) {
            for (int shift = 6; shift >= 0; shift -= 2) out.append(DIGITS.charAt((b >> shift) & 3));
        }
        return out.toString();
    }

    /**
     * The text with the mark in every line that is not empty: at the line's end, and also right
     * after its first space when it has one, so that a copy of the start or of the end of a line
     * keeps it. Runs of the mark's characters already in the text go first.
     */
    public static String apply(String text, String mark) {
        String encoded = encode(mark);
        String[] lines = RUNS.matcher(text).replaceAll("").split("\n", -1);
        StringBuilder out = new StringBuilder(text.length() + lines.length * LENGTH);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) out.append('\n');
            if (line.isEmpty()) continue;
            int space = line.indexOf(' ');
            if (space >= 0) out.append(line, 0, space + 1).append(encoded).append(line, space + 1, line.length());
            else out.append(line);
            out.append(encoded);
        }
        return out.toString();
    }

    /** Every mark found in a text, once per place it occurs, in order; copies altered or cut short are not marks. */
    public static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (DIGITS.indexOf(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && DIGITS.indexOf(text.charAt(end)) >= 0) end++;
            for (int start = i; start + LENGTH <= end; ) {
                String mark = decode(text.substring(start, start + LENGTH));
                if (mark == null) {
                    start++;
                } else {
                    found.add(mark);
                    start += LENGTH;
                }
            }
            i = end;
        }
        return found;
    }

    /** The mark in 64 digit characters, or null when their checksum does not hold. */
    private static String decode(String digits) {
        byte[] payload = new byte[MARK_BYTES + 4];
        for (int i = 0; i < LENGTH; i++) payload[i / 4] = (byte) ((payload[i / 4] << 2) | DIGITS.indexOf(digits.charAt(i)));
        byte[] mark = java.util.Arrays.copyOf(payload, MARK_BYTES);
        int checksum = ByteBuffer.wrap(payload, MARK_BYTES, 4).getInt();
        return checksum == (int) crc(mark) ? HEX.formatHex(mark) : null;
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
