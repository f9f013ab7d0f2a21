package org.tryst.telnet;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.File;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.config.Config;
import org.tryst.config.ConfigException;
import org.tryst.gateway.Wiring;

/**
 * The telnet listener of the text world, on the HTTP listener's address and event loops: plain
 * telnet on {@code telnet.port}, and telnet over TLS on {@code telnet.tls_port} when the operator
 * gave a certificate. {@link #initChannel} shows the whole route of a byte to the dispatcher.
 */
public final class TelnetGateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelnetGateway.class);
    private static final long SHUTDOWN_GRACE_MILLIS = TimeUnit.SECONDS.toMillis(6);
    private static final long TLS_HANDSHAKE_MILLIS = TimeUnit.SECONDS.toMillis(10);

    private final Config.Telnet config;
    private final Config.Gateway limits;
    private final Wiring wiring;
    private final Supplier<ServerBootstrap> bootstrap;
    private final SslContext tls;
    private final ChannelGroup open = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final PerAddress perAddress;
    private final Mssp mssp;
    private Channel plainListener;
    private Channel tlsListener;

    /**
     * {@code bootstrap} gives a server bootstrap on the gateway's event loops and socket transport;
     * {@code tls} is what {@link #tls} made of the operator's certificate, if anything.
     */
    public TelnetGateway(Config.Telnet config, Config.Gateway limits, Wiring wiring, Supplier<ServerBootstrap> bootstrap,
                         Optional<SslContext> tls, Clock clock) {
        this.config = config;
        this.limits = limits;
        this.wiring = wiring;
        this.bootstrap = bootstrap;
        this.perAddress = new PerAddress(config.connectionsPerAddress());
        this.tls = tls.orElse(null);
        this.mssp = new Mssp(config.name(), wiring.delivery()::size, clock);
    }

    /**
     * The TLS context of the operator's certificate and key, or none when TLS is off. The server
     * builds it before it opens anything, so that a certificate it cannot use stops start-up with a
     * message naming the option and the file, and leaves no database or listener open.
     */
    public static Optional<SslContext> tls(Config.Telnet config) {
        if (!config.tls()) return Optional.empty();
        File certificate = readable("telnet.tls_cert", config.tlsCert());
        File key = readable("telnet.tls_key", config.tlsKey());
        try {
            return Optional.of(SslContextBuilder.forServer(certificate, key).build());
        } catch (SSLException | IllegalArgumentException e) {
            throw new ConfigException("telnet.tls_cert and telnet.tls_key: cannot use " + certificate + " and " + key
                    + " (PEM certificates and a PKCS#8 key without a password): " + e.getMessage(), e);
        }
    }

    private static File readable(String option, String path) {
        File file = new File(path);
        if (!file.isFile() || !file.canRead()) throw new ConfigException(option + ": cannot read " + path + " (no such readable file)");
        return file;
    }

    /** Starts listening on {@code bind}; returns the plain port (useful when the configured port is 0). */
    public int start(String bind) throws InterruptedException {
        plainListener = listen(bind, config.port(), false);
        int port = ((InetSocketAddress) plainListener.localAddress()).getPort();
        mssp.port(port);
        if (tls != null) tlsListener = listen(bind, config.tlsPort(), true);
        return port;
    }

    /** The TLS port, when the TLS listener runs. */
    public java.util.OptionalInt tlsPort() {
        return tlsListener == null ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(((InetSocketAddress) tlsListener.localAddress()).getPort());
    }

    private Channel listen(String bind, int port, boolean secure) throws InterruptedException {
        return bootstrap.get()
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(limits.outboundLowWaterBytes(), limits.outboundHighWaterBytes()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        TelnetGateway.this.initChannel(channel, secure);
                    }
                })
                .bind(bind, port).sync().channel();
    }

    /** TLS (on its port), MCCP2 on the way out, the per-address limit, then the session that reads telnet and plays. */
    private void initChannel(SocketChannel channel, boolean secure) {
        // Shutdown sees every connection from the first byte.
        open.add(channel);
        if (secure) {
            // A client that never begins TLS (plain telnet waits for a prompt) is closed, not held.
            SslHandler handler = tls.newHandler(channel.alloc());
            handler.setHandshakeTimeoutMillis(TLS_HANDSHAKE_MILLIS);
            channel.pipeline().addLast("tls", handler);
        }
        channel.pipeline()
                // Deflates what the session writes once the client agreed to MCCP2; nothing before.
                .addLast("compress", new Compression())
                // One address holds so many connections; past them a connection is told so and closed.
                .addLast("address", perAddress)
                // Telnet bytes to lines and options; lines to the dispatcher, one at a time on a virtual thread.
                .addLast("session", new TelnetSession(wiring, config, mssp, secure));
    }

    /** The client's address: the peer's, since a raw TCP connection carries no forwarded header. */
    static String address(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : "local";
    }

    /**
     * The first step of shutdown: stops accepting, tells each connection the server is going away
     * once the lines it sent are answered, and waits a bounded time before cutting off the rest.
     */
    public void closeConnections() {
        if (plainListener != null) plainListener.close().syncUninterruptibly();
        if (tlsListener != null) tlsListener.close().syncUninterruptibly();
        log.atInfo().addKeyValue("connections", open.size()).log("shutting down: closing telnet connections");
        for (Channel channel : open) {
            channel.eventLoop().execute(() -> {
                TelnetSession session = channel.pipeline().get(TelnetSession.class);
                if (session != null) session.goAway();
                else channel.close();
            });
        }
        if (!open.newCloseFuture().awaitUninterruptibly(SHUTDOWN_GRACE_MILLIS)) open.close().awaitUninterruptibly(SHUTDOWN_GRACE_MILLIS);
    }

    /** Closes whatever is still open; the event loops are the gateway's, which stops them. */
    @Override
    public void close() {
        if (plainListener != null) plainListener.close().syncUninterruptibly();
        if (tlsListener != null) tlsListener.close().syncUninterruptibly();
        open.close().awaitUninterruptibly(SHUTDOWN_GRACE_MILLIS);
    }

    /** Counts each address's open telnet connections, and closes one past the limit after saying why. */
    @ChannelHandler.Sharable
    static final class PerAddress extends ChannelInboundHandlerAdapter {
        private final int most;
        private final Map<String, Integer> open = new ConcurrentHashMap<>();

        PerAddress(int most) {
            this.most = most;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            String address = address(ctx.channel());
            if (open.merge(address, 1, Integer::sum) > most) {
                ctx.writeAndFlush(Telnet.text("Too many connections from your address; close one and try again.\n"))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            open.computeIfPresent(address(ctx.channel()), (address, count) -> count == 1 ? null : count - 1);
            ctx.fireChannelInactive();
        }
    }
}
