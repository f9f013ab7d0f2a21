package org.tryst.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.util.zip.Deflater;

/**
 * MCCP2 on the way out: off until {@link #start}, which the session calls on the event loop right
 * after writing IAC SB COMPRESS2 IAC SE, so that exactly what follows that marker is deflated. Each
 * write is flushed whole (SYNC_FLUSH), so the client can show it at once rather than when a block fills.
 */
final class Compression extends ChannelOutboundHandlerAdapter {
    private Deflater deflater;
    private final byte[] chunk = new byte[8_192];

    /** Deflates everything written from now on. */
    void start() {
        if (deflater == null) deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    }

    /** Whether writes are deflated now. */
    boolean started() {
        return deflater != null;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (deflater == null || !(message instanceof ByteBuf plain)) {
            ctx.write(message, promise);
            return;
        }
        ByteBuf compressed = ctx.alloc().buffer(plain.readableBytes() / 2 + 64);
        try {
            byte[] input = new byte[plain.readableBytes()];
            plain.readBytes(input);
            deflater.setInput(input);
            int produced;
            do {
                produced = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                compressed.writeBytes(chunk, 0, produced);
            } while (produced == chunk.length);
        } finally {
            plain.release();
        }
        ctx.write(compressed, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (deflater != null) deflater.end();
    }
}
