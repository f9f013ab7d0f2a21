package org.tryst.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of the telnet protocol (RFC 854) and the MUD options this gateway speaks, and the one
 * place text becomes bytes: UTF-8, each 0xFF doubled so that it is never read as a command, and
 * every line ended by CR LF.
 */
final class Telnet {
    static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int GA = 249;
    static final int EL = 248;
    static final int EC = 247;
    static final int AYT = 246;
    static final int NOP = 241;
    static final int SE = 240;

    /** RFC 857: who echoes what is typed; the server "will" while a password is typed, so the client shows nothing. */
    static final int ECHO = 1;
    /** RFC 858: no go-ahead after each output. */
    static final int SGA = 3;
    /** RFC 1091 and MTTS: the client's name, its terminal, and a bit field of what it supports. */
    static final int TTYPE = 24;
    /** RFC 1073: the window's width and height. */
    static final int NAWS = 31;
    /** RFC 2066: the character set, UTF-8 here. */
    static final int CHARSET = 42;
    /** MUD Server Status Protocol: facts for MUD listings' crawlers. */
    static final int MSSP = 70;
    /** MUD Client Compression Protocol v2: everything the server sends after it agrees is deflated. */
    static final int COMPRESS2 = 86;
    /** Generic MUD Communication Protocol: JSON messages beside the text, such as Room.Info for mappers. */
    static final int GMCP = 201;

    /** TTYPE's and CHARSET's subcommands. */
    static final int IS = 0;
    static final int SEND = 1;
    static final int CHARSET_REQUEST = 1;
    static final int CHARSET_ACCEPTED = 2;
    static final int MSSP_VAR = 1;
    static final int MSSP_VAL = 2;

    private Telnet() {}

    /** Text for the client: lines end in CR LF, 0xFF is doubled. */
    static ByteBuf text(String text) {
        byte[] utf8 = text.replace("\r", "").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        return Unpooled.wrappedBuffer(escaped(utf8, 0));
    }

    /** A negotiation: IAC, a verb (WILL, WONT, DO, DONT) and an option. */
    static ByteBuf command(int verb, int option) {
        return Unpooled.wrappedBuffer(new byte[] {(byte) IAC, (byte) verb, (byte) option});
    }

    /** A bare command such as GA. */
    static ByteBuf command(int command) {
        return Unpooled.wrappedBuffer(new byte[] {(byte) IAC, (byte) command});
    }

    /** A subnegotiation: IAC SB option, the payload with 0xFF doubled, IAC SE. */
    static ByteBuf subnegotiation(int option, byte[] payload) {
        byte[] escaped = escaped(payload, 5);
        escaped[0] = (byte) IAC;
        escaped[1] = (byte) SB;
        escaped[2] = (byte) option;
        escaped[escaped.length - 2] = (byte) IAC;
        escaped[escaped.length - 1] = (byte) SE;
        return Unpooled.wrappedBuffer(escaped);
    }

    /** The bytes with each 0xFF doubled, with {@code room} spare bytes: the first three and the last two. */
    private static byte[] escaped(byte[] bytes, int room) {
        int iacs = 0;
        for (byte b : bytes) if (b == (byte) IAC) iacs++;
        int head = room == 0 ? 0 : 3;
        if (iacs == 0 && room == 0) return bytes;
        byte[] out = new byte[bytes.length + iacs + room];
        int at = head;
        for (byte b : bytes) {
            out[at++] = b;
            if (b == (byte) IAC) out[at++] = b;
        }
        return out;
    }

    /** Bytes built from parts, for subnegotiation payloads. */
    static final class Payload {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Payload add(int b) {
            bytes.write(b);
            return this;
        }

        Payload add(String text) {
            bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
