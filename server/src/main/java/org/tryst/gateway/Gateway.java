package org.tryst.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.config.Config;

/**
 * The network edge: one Netty listener for HTTP and WebSocket. {@link #initChannel} and
 * {@link #upgrade} show the whole route of a byte from the socket to the dispatcher.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    /** Largest HTTP request body: the API takes small JSON objects only. */
    private static final int MAX_HTTP_BODY = 16_384;
    /** How long shutdown waits for sockets to answer their last requests and take their close frames. */
    private static final long SHUTDOWN_GRACE_MILLIS = TimeUnit.SECONDS.toMillis(Connection.CLOSE_GRACE_SECONDS + 1);

    private final Config.Gateway config;
    private final Wiring wiring;
    private final AccountApi api;
    private final AgeApi age;
    private final StaticFiles files;
    private final Addresses addresses;
    private final Supplier<Optional<String>> unready;
    private final Set<String> allowedOrigins;
    private final Transport transport = Transport.best();
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, transport.io().get());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(transport.io().get());
    private final OpenConnections open = new OpenConnections();
    private Channel listener;

    public Gateway(Config.Http http, Config.Gateway config, Config.Web web, Wiring wiring,
                   Supplier<Optional<String>> unready) {
        this.files = new StaticFiles(web.panicPage());
        this.config = config;
        this.wiring = wiring;
        this.api = new AccountApi(wiring.accounts(), wiring.sessions(), wiring.avatars(), wiring.delivery(), wiring.export(),
                secureCookie(http, config));
        this.age = new AgeApi(wiring.age(), wiring.sessions(), secureCookie(http, config));
        this.addresses = new Addresses(TrustedProxies.of(http));
        this.unready = unready;
        this.allowedOrigins = ConcurrentHashMap.newKeySet();
        allowedOrigins.addAll(config.allowedOrigins());
    }

    /** Whether the session cookie is Secure: by default when browsers reach the server over https. */
    private static boolean secureCookie(Config.Http http, Config.Gateway gateway) {
        return switch (http.secureCookie()) {
            case AUTO -> gateway.allowedOrigins().stream().anyMatch(origin -> origin.startsWith("https://"));
            case ALWAYS -> true;
            case NEVER -> false;
        };
    }

    /** Starts listening; returns the bound port (useful when the configured port is 0). */
    public int start(String bind, int port) throws InterruptedException {
        listener = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.outboundLowWaterBytes(), config.outboundHighWaterBytes()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        Gateway.this.initChannel(channel);
                    }
                })
                .bind(bind, port).sync().channel();
        int bound = ((InetSocketAddress) listener.localAddress()).getPort();
        if (config.allowedOrigins().isEmpty()) {
            // By default only pages served by this server itself may open sockets or call the API.
            allowedOrigins.add("http://127.0.0.1:" + bound);
            allowedOrigins.add("http://localhost:" + bound);
        }
        return bound;
    }

    /** Every connection starts as HTTP: deadline, codec, body limit, client address, routes; shutdown sees it from the first. */
    private void initChannel(SocketChannel channel) {
        Deadline deadline = new Deadline(TimeUnit.SECONDS.toMillis(config.handshakeTimeoutSeconds()));
        channel.pipeline()
                // Counts the connection open until its close has passed through the whole pipeline, for shutdown.
                .addLast("open", open)
                // Flushes asked for while the event loop is busy become one write to the socket: under
                // load a socket's messages leave in fewer system calls, and alone each leaves at once.
                .addLast("flush", new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true))
                .addLast("deadline", deadline)
                .addLast("http", new HttpServerCodec(4096, 8192, 8192))
                .addLast("http-body", new HttpObjectAggregator(MAX_HTTP_BODY))
                // Per-address limits key on the client: the peer, or whom a trusted proxy forwards for.
                .addLast("address", addresses)
                .addLast("routes", new HttpRoutes(api, age, files, unready, wiring.executor(), allowedOrigins,
                        config.allowMissingOrigin(), deadline, this::upgrade));
    }

    /** A request to {@code /ws} that passed the Origin check: WebSocket framing, limits, pings, our session. */
    private void upgrade(ChannelHandlerContext routes) {
        Channel channel = routes.channel();
        Deadline deadline = (Deadline) channel.pipeline().get("deadline");
        WebSocketServerProtocolConfig protocol = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/ws")
                // Pongs come through: they are how a socket that only listens shows it is alive.
                .dropPongFrames(false)
                // Close frames go to SocketSession, which answers each socket's close exactly once.
                .handleCloseFrames(false)
                .handshakeTimeoutMillis(TimeUnit.SECONDS.toMillis(config.handshakeTimeoutSeconds()))
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(config.maxFrameBytes())
                        .allowExtensions(false)
                        .withUTF8Validator(true)
                        // SocketSession closes a socket that breaks the framing, after the replies it is owed.
                        .closeOnProtocolViolation(false)
                        .build())
                .build();
        channel.pipeline()
                .addAfter("routes", "idle", new IdleStateHandler(config.pingIntervalSeconds(), 0, 0))
                .addAfter("idle", "websocket", new WebSocketServerProtocolHandler(protocol) {
                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
                        // Netty would close at once; SocketSession closes with the code, after the replies owed.
                        if (cause instanceof WebSocketHandshakeException) super.exceptionCaught(ctx, cause);
                        else ctx.fireExceptionCaught(cause);
                    }
                })
                .addAfter("websocket", "ws-message", new WebSocketFrameAggregator(config.maxMessageBytes()))
                .addAfter("ws-message", "session", new SocketSession(wiring, Addresses.of(channel),
                        channel.attr(Addresses.COOKIE_TOKEN).getAndSet(null), deadline));
    }

    /** A server bootstrap on this gateway's event loops and socket transport, for the telnet listener. */
    public ServerBootstrap bootstrap() {
        return new ServerBootstrap().group(boss, workers).channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096);
    }

    /** The socket transport in use: epoll or nio. */
    public String transport() {
        return transport.name();
    }

    /**
     * The first step of shutdown: stops accepting, closes every WebSocket with 1001 once the
     * requests it has sent are answered (every other connection at once), and waits a bounded time
     * for them to go, cutting off the rest. The event loops keep running for {@link #close}.
     */
    public void closeConnections() {
        if (listener != null) listener.close().syncUninterruptibly();
        List<Channel> channels = open.channels();
        log.atInfo().addKeyValue("connections", channels.size()).addKeyValue("sockets", wiring.delivery().size())
                .log("shutting down: closing connections");
        channels.forEach(channel -> channel.eventLoop().execute(() -> goAway(channel)));
        if (!open.awaitClosed(SHUTDOWN_GRACE_MILLIS)) {
            List<Channel> late = open.channels();
            log.atInfo().addKeyValue("connections", late.size()).log("cutting off connections that did not close in time");
            late.forEach(Channel::close);
            open.awaitClosed(SHUTDOWN_GRACE_MILLIS);
        }
    }

    private static void goAway(Channel channel) {
        SocketSession session = channel.pipeline().get(SocketSession.class);
        if (session != null) session.goAway();
        else channel.close();
    }

    /** Stops the event loops; after {@link #closeConnections} and once domain work has stopped. */
    @Override
    public void close() {
        if (listener != null) listener.close().syncUninterruptibly();
        open.channels().forEach(Channel::close);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
