package org.tryst.telnet;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The telnet byte stream read as lines, negotiations and subnegotiations, one byte at a time and
 * never failing: IAC IAC is a 0xFF of text, a line ends at CR LF, CR NUL, a lone CR or LF, BS and
 * DEL (and IAC EC) take back the last character, IAC EL the whole line, and invalid UTF-8 becomes
 * U+FFFD. A line or subnegotiation past its limit is reported once and dropped, so that no client
 * can make the server hold more than the limits.
 */
final class TelnetReader {
    /** Longest subnegotiation payload: GMCP's JSON is the largest clients send, and it is small. */
    static final int MAX_SUBNEGOTIATION = 8_192;

    private enum State { DATA, IAC, VERB, SB_OPTION, SB_DATA, SB_IAC }

    private final int maxLine;
    private final LineBuffer line = new LineBuffer();
    private final ByteArrayOutputStream sub = new ByteArrayOutputStream();
    private State state = State.DATA;
    private int verb;
    private int subOption;
    private boolean afterCr;
    private boolean lineTooLong;
    private boolean subTooLong;

    TelnetReader(int maxLine) {
        this.maxLine = maxLine;
    }

    /** Reads every readable byte of {@code in}, handing what it makes of them to {@code out} as they complete. */
    void read(ByteBuf in, Consumer<TelnetInput> out) {
        while (in.isReadable()) read(in.readByte() & 0xff, out);
    }

    private void read(int b, Consumer<TelnetInput> out) {
        switch (state) {
            case DATA -> data(b, out);
            case IAC -> command(b, out);
            case VERB -> {
                state = State.DATA;
                out.accept(new TelnetInput.Negotiate(verb, b));
            }
            case SB_OPTION -> {
                subOption = b;
                sub.reset();
                subTooLong = false;
                state = State.SB_DATA;
            }
            case SB_DATA -> {
                if (b == Telnet.IAC) state = State.SB_IAC;
                else subByte(b, out);
            }
            case SB_IAC -> {
                if (b == Telnet.SE) {
                    state = State.DATA;
                    if (!subTooLong) out.accept(new TelnetInput.Sub(subOption, sub.toByteArray()));
                    sub.reset();
                } else {
                    // IAC IAC is a 0xFF of the payload; anything else after IAC inside one is a broken client's, kept as is.
                    state = State.SB_DATA;
                    subByte(b, out);
                }
            }
        }
    }

    private void data(int b, Consumer<TelnetInput> out) {
        boolean crBefore = afterCr;
        afterCr = false;
        if (b == Telnet.IAC) {
            state = State.IAC;
        } else if (b == '\r') {
            endLine(out);
            afterCr = true;
        } else if (b == '\n' || b == 0) {
            // The LF or NUL of CR LF and CR NUL ends nothing more; alone, LF ends a line (NUL is nothing).
            if (!crBefore && b == '\n') endLine(out);
        } else if (b == 8 || b == 127) {
            line.eraseCharacter();
        } else {
            textByte(b, out);
        }
    }

    private void textByte(int b, Consumer<TelnetInput> out) {
        if (lineTooLong) return;
        if (line.size() >= maxLine) {
            lineTooLong = true;
            line.reset();
            out.accept(new TelnetInput.TooLong(TelnetInput.TooLong.What.LINE));
        } else {
            line.write(b);
        }
    }

    private void command(int b, Consumer<TelnetInput> out) {
        state = State.DATA;
        switch (b) {
            case Telnet.IAC -> textByte(b, out);
            case Telnet.WILL, Telnet.WONT, Telnet.DO, Telnet.DONT -> {
                verb = b;
                state = State.VERB;
            }
            case Telnet.SB -> state = State.SB_OPTION;
            case Telnet.EC -> line.eraseCharacter();
            case Telnet.EL -> line.reset();
            case Telnet.AYT -> out.accept(new TelnetInput.AreYouThere());
            default -> { } // NOP, GA, DM, BRK, IP, AO and the rest mean nothing to a line-based world
        }
    }

    private void subByte(int b, Consumer<TelnetInput> out) {
        if (subTooLong) return;
        if (sub.size() >= MAX_SUBNEGOTIATION) {
            subTooLong = true;
            sub.reset();
            out.accept(new TelnetInput.TooLong(TelnetInput.TooLong.What.SUBNEGOTIATION));
        } else {
            sub.write(b);
        }
    }

    private void endLine(Consumer<TelnetInput> out) {
        if (lineTooLong) {
            lineTooLong = false;
        } else {
            out.accept(new TelnetInput.Line(printable(decode(line.toByteArray()))));
        }
        line.reset();
    }

    /** UTF-8 with anything invalid replaced, never refused. */
    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not refuse", e);
        }
    }

    /** A typed line without control characters: a tab is a space, and the rest (escape sequences from arrow keys among them) go. */
    static String printable(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\t') kept.append(' ');
            else if (c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f)) kept.appendCodePoint(c);
        });
        return kept.toString().strip();
    }

    /** The bytes of the line being typed, which can take back its last UTF-8 character. */
    private static final class LineBuffer extends ByteArrayOutputStream {
        /** Removes the last character: its UTF-8 continuation bytes and the byte that led them. */
        void eraseCharacter() {
            while (count > 0 && (buf[count - 1] & 0xc0) == 0x80) count--;
            if (count > 0) count--;
        }
    }
}
