package org.tryst.bench.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.nio.charset.StandardCharsets;

/**
 * The telnet framing of a load connection (RFC 854), as the plainest MUD client speaks it: it
 * agrees to no option but NAWS, answered with the widest window the server takes so that a said
 * line arrives as one line, and refuses every other (so the text comes plain: no compression, no
 * colour, a go-ahead after each prompt). A line ends at a line feed, or at a go-ahead, which ends a
 * prompt such as {@code Username: }; each goes to the client as its bytes, without the commands.
 * Each string the client writes goes out as a line.
 */
final class TelnetText extends ChannelDuplexHandler {
    private static final int IAC = 255;
    private static final int DONT = 254;
    private static final int DO = 253;
    private static final int WONT = 252;
    private static final int WILL = 251;
    private static final int SB = 250;
    private static final int GA = 249;
    private static final int SE = 240;
    private static final int NAWS = 31;
    /** The window reported: the widest the server wraps to (Viewer.WIDEST), and a usual height. */
    private static final byte[] WINDOW = {(byte) IAC, (byte) SB, NAWS, 0, (byte) 250, 0, 50, (byte) IAC, (byte) SE};

    private enum State { TEXT, COMMAND, OPTION, SUBNEGOTIATION, SUBNEGOTIATION_COMMAND }

    private State state = State.TEXT;
    private int verb;
    private boolean windowSent;
    /** The line read so far, handed on (and emptied) at its end. */
    private ByteBuf line;

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        line = ctx.alloc().heapBuffer(256);
        super.channelActive(ctx);
        ctx.fireUserEventTriggered(TextEvent.OPENED);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (line != null) line.release();
        line = null;
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf bytes = (ByteBuf) message;
        try {
            while (bytes.isReadable() && line != null) read(ctx, bytes.readUnsignedByte());
        } finally {
            bytes.release();
        }
    }

    private void read(ChannelHandlerContext ctx, int octet) {
        switch (state) {
            case TEXT -> {
                if (octet == IAC) state = State.COMMAND;
                else if (octet == '\n') endLine(ctx);
                else if (octet != '\r') line.writeByte(octet);
            }
            case COMMAND -> {
                state = State.TEXT;
                switch (octet) {
                    case IAC -> line.writeByte(IAC);
                    case WILL, WONT, DO, DONT -> {
                        verb = octet;
                        state = State.OPTION;
                    }
                    case SB -> state = State.SUBNEGOTIATION;
                    case GA -> endLine(ctx);
                    default -> { } // NOP and the like: nothing to do.
                }
            }
            case OPTION -> {
                state = State.TEXT;
                answer(ctx, verb, octet);
            }
            case SUBNEGOTIATION -> {
                if (octet == IAC) state = State.SUBNEGOTIATION_COMMAND;
            }
            case SUBNEGOTIATION_COMMAND -> state = octet == SE ? State.TEXT : State.SUBNEGOTIATION;
        }
    }

    /**
     * Agrees to NAWS once and reports the window; refuses whatever else the server offers or asks.
     * A refusal from the server needs no answer: this side has nothing on to turn off.
     */
    private void answer(ChannelHandlerContext ctx, int verb, int option) {
        if (verb == DO && option == NAWS) {
            if (windowSent) return;
            windowSent = true;
            ctx.write(Unpooled.wrappedBuffer(new byte[] {(byte) IAC, (byte) WILL, NAWS}));
            ctx.writeAndFlush(Unpooled.wrappedBuffer(WINDOW));
        } else if (verb == DO) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {(byte) IAC, (byte) WONT, (byte) option}));
        } else if (verb == WILL) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {(byte) IAC, (byte) DONT, (byte) option}));
        }
    }

    /** Hands the line on, unless it is empty; the client reads it before this returns, so the buffer is reused. */
    private void endLine(ChannelHandlerContext ctx) {
        if (line.isReadable()) ctx.fireChannelRead(line.retain());
        if (line != null) line.clear(); // null when the client closed the connection over this line
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof String text) {
            ByteBuf bytes = ctx.alloc().buffer(text.length() + 2);
            bytes.writeCharSequence(text, StandardCharsets.UTF_8);
            bytes.writeByte('\r').writeByte('\n');
            ctx.write(bytes, promise);
        } else {
            ctx.write(message, promise);
        }
    }
}
