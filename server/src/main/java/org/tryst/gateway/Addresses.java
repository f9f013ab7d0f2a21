package org.tryst.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;

/**
 * What the gateway remembers about where a connection comes from. As a pipeline stage it notes,
 * for each HTTP request (the WebSocket upgrade too), the client's address read through the
 * trusted proxies, since one proxy connection carries requests of many clients in turn.
 */
@ChannelHandler.Sharable
final class Addresses extends ChannelInboundHandlerAdapter {
    /** The session cookie seen on a WebSocket upgrade, checked against the ticket at hello. */
    static final AttributeKey<String> COOKIE_TOKEN = AttributeKey.valueOf("tryst.cookieToken");
    /** The client's address of the request being handled, the key of per-address limits. */
    private static final AttributeKey<String> CLIENT = AttributeKey.valueOf("tryst.client");

    private final TrustedProxies proxies;

    Addresses(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof HttpRequest request && ctx.channel().remoteAddress() instanceof InetSocketAddress peer) {
            ctx.channel().attr(CLIENT).set(proxies.client(peer.getAddress(), request.headers()));
        }
        ctx.fireChannelRead(message);
    }

    /** The client's address of the current request (or of the upgrade, on a WebSocket), the key of per-address limits. */
    static String of(Channel channel) {
        String client = channel.attr(CLIENT).get();
        if (client != null) return client;
        return channel.remoteAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress()
                : "local";
    }
}
