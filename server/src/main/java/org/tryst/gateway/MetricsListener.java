package org.tryst.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.tryst.config.Config;
import org.tryst.config.ConfigException;
import org.tryst.metrics.Metrics;

/**
 * Serves {@code GET /metrics} (Prometheus text) on a listener of its own, on loopback by default,
 * so that the public port never shows it. With a token configured, scrapers must send it as a
 * bearer token; without one, only requests to an IP address or {@code localhost} are answered, so
 * a web page whose DNS name is rebound to this machine cannot read the metrics.
 */
public final class MetricsListener implements AutoCloseable {
    private static final int READ_TIMEOUT_SECONDS = 60;

    private final Config.Metrics config;
    private final Metrics metrics;
    private final Transport transport = Transport.best();
    private EventLoopGroup loop;
    private Channel listener;

    public MetricsListener(Config.Metrics config, Metrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /** Starts listening unless the listener is off; the bound port. */
    public OptionalInt start() throws InterruptedException {
        if (config.off()) return OptionalInt.empty();
        loop = new MultiThreadIoEventLoopGroup(1, transport.io().get());
        Scrapes scrapes = new Scrapes();
        ChannelFuture bound = new ServerBootstrap()
                .group(loop)
                .channel(transport.serverChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS))
                                .addLast(new HttpServerCodec(4096, 8192, 8192))
                                .addLast(new HttpObjectAggregator(0))
                                .addLast(scrapes);
                    }
                })
                .bind(config.host(), config.port()).await();
        if (!bound.isSuccess()) {
            close();
            // Two servers on one machine meet here first: say which option moves the second one.
            throw new ConfigException("metrics.listen: cannot listen on " + config.listen() + " (" + bound.cause().getMessage()
                    + "); choose another port or off");
        }
        listener = bound.channel();
        return OptionalInt.of(((InetSocketAddress) listener.localAddress()).getPort());
    }

    /** Answers each request on the metrics listener. */
    @ChannelHandler.Sharable
    private final class Scrapes extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            HttpRoutes.reply(ctx, request, answer(request));
        }

        private FullHttpResponse answer(FullHttpRequest request) {
            if (!request.decoderResult().isSuccess()) return HttpReplies.text(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request\n");
            if (!new QueryStringDecoder(request.uri()).path().equals("/metrics")) {
                return HttpReplies.text(HttpResponseStatus.NOT_FOUND, "not found; metrics are at /metrics\n");
            }
            if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
                return HttpReplies.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET\n");
            }
            if (!config.token().isEmpty() && !bearerMatches(request)) {
                FullHttpResponse refused = HttpReplies.text(HttpResponseStatus.UNAUTHORIZED, "a bearer token is required\n");
                refused.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
                return refused;
            }
            if (config.token().isEmpty() && !hostIsThisMachine(request)) {
                return HttpReplies.text(HttpResponseStatus.FORBIDDEN, "ask by IP address or localhost, or configure metrics.token\n");
            }
            return HttpReplies.bytes(HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8",
                    metrics.scrape().getBytes(StandardCharsets.UTF_8));
        }

        private boolean bearerMatches(FullHttpRequest request) {
            String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION, "");
            return MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8),
                    ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8));
        }

        /** A browser sends the name it resolved; a rebound page's name is a DNS name, never an address. */
        private static boolean hostIsThisMachine(FullHttpRequest request) {
            String host = request.headers().get(HttpHeaderNames.HOST);
            if (host == null) return true;
            return TrustedProxies.literal(host).isPresent() || host.split(":", 2)[0].toLowerCase(Locale.ROOT).equals("localhost");
        }
    }

    @Override
    public void close() {
        if (listener != null) listener.close().syncUninterruptibly();
        if (loop != null) loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
