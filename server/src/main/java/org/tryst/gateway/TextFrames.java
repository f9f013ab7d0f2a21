package org.tryst.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * WebSocket text frames from the server, encoded once as bytes. A server's frames are not masked
 * (RFC 6455 §5.1), so the same bytes serve every recipient of a fan-out: the frame is built once and
 * each socket writes a view of it, where Netty's encoder would build it again for each socket.
 */
final class TextFrames {
    private static final int FIN_TEXT = 0x81;

    private TextFrames() {}

    /** A complete, unfragmented text frame carrying {@code utf8}; the caller owns one reference. */
    static ByteBuf of(byte[] utf8) {
        int length = utf8.length;
        ByteBuf frame = PooledByteBufAllocator.DEFAULT.directBuffer(length + 10);
        frame.writeByte(FIN_TEXT);
        if (length < 126) {
            frame.writeByte(length);
        } else if (length <= 0xFFFF) {
            frame.writeByte(126).writeShort(length);
        } else {
            frame.writeByte(127).writeLong(length);
        }
        return frame.writeBytes(utf8);
    }
}
