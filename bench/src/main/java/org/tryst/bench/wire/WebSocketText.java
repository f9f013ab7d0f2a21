package org.tryst.bench.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;

/**
 * The WebSocket framing of a load connection: each text frame's bytes go to the client as they
 * are (no string is made on the hot path), each string the client writes goes out as a text
 * frame, and the handshake's end and a close frame become {@link TextEvent}s.
 */
final class WebSocketText extends MessageToMessageCodec<WebSocketFrame, String> {
    @Override
    protected void encode(ChannelHandlerContext ctx, String text, List<Object> out) {
        out.add(new TextWebSocketFrame(text));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        switch (frame) {
            case TextWebSocketFrame text -> out.add(text.content().retain());
            case CloseWebSocketFrame close -> ctx.fireUserEventTriggered(
                    new TextEvent.Closed("closed by server: " + close.statusCode() + " " + close.reasonText()));
            default -> { } // Pings are answered and pongs dropped before this; binary frames mean nothing to these protocols.
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) ctx.fireUserEventTriggered(TextEvent.OPENED);
        else super.userEventTriggered(ctx, event);
    }
}
