package org.tryst.gateway;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;

/** What the gateway remembers about where a connection comes from. */
final class Addresses {
    /** The session cookie seen on a WebSocket upgrade, checked against the ticket at hello. */
    static final AttributeKey<String> COOKIE_TOKEN = AttributeKey.valueOf("tryst.cookieToken");

    private Addresses() {}

    /** The peer's IP address, the key of per-address limits. */
    static String of(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress()
                : "local";
    }
}
