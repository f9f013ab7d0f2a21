package org.tryst.gateway;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.HttpApi;

/**
 * Routes each HTTP request: {@code /ws} upgrades to a WebSocket (after the Origin check),
 * {@code /api/age*} to age verification, {@code /api/*} to the account API, {@code /healthz} and
 * {@code /readyz} to operators, and anything else to the web client's files ({@code /metrics} has a listener of its own). Blocking
 * work runs on virtual threads.
 */
final class HttpRoutes extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final AccountApi api;
    private final AgeApi age;
    private final StaticFiles files;
    private final Supplier<Optional<String>> unready;
    private final Executor executor;
    private final Set<String> allowedOrigins;
    private final boolean allowMissingOrigin;
    private final Deadline deadline;
    private final Consumer<ChannelHandlerContext> upgrade;

    HttpRoutes(AccountApi api, AgeApi age, StaticFiles files, Supplier<Optional<String>> unready, Executor executor,
               Set<String> allowedOrigins, boolean allowMissingOrigin, Deadline deadline,
               Consumer<ChannelHandlerContext> upgrade) {
        this.api = api;
        this.age = age;
        this.files = files;
        this.unready = unready;
        this.executor = executor;
        this.allowedOrigins = allowedOrigins;
        this.allowMissingOrigin = allowMissingOrigin;
        this.deadline = deadline;
        this.upgrade = upgrade;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        // The clock is for the client's part (its headers, its body, its next request), not the server's answer.
        deadline.cancel();
        if (!request.decoderResult().isSuccess()) {
            answer(ctx, request, HttpReplies.error(HttpResponseStatus.BAD_REQUEST, ErrorCode.MALFORMED, "malformed HTTP request"));
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.equals("/ws")) {
            webSocket(ctx, request);
        } else if (AgeApi.owns(path)) {
            // Age verification is navigated to (from the account page, then back from the provider's site), so it
            // comes without Origin; a forged navigation gains nothing: it has no session cookie (Strict) or no open check.
            blocking(ctx, request, () -> age.handle(request, path));
        } else if (!originAllowed(request)) {
            answer(ctx, request, HttpReplies.error(HttpResponseStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "origin not allowed"));
        } else if (path.startsWith("/api/")) {
            String address = Addresses.of(ctx.channel());
            request.retain();
            executor.execute(() -> {
                try {
                    FullHttpResponse response = api.handle(request, path, address);
                    ctx.executor().execute(() -> answer(ctx, request, response));
                } finally {
                    request.release();
                }
            });
        } else if (path.equals("/healthz")) {
            // Liveness: the process serves requests. It asks nothing of the database, so a database
            // outage does not get the server restarted; /readyz reports that.
            answer(ctx, request, HttpReplies.text(HttpResponseStatus.OK, "ok\n"));
        } else if (path.equals("/readyz")) {
            executor.execute(() -> {
                Optional<String> reason = unready.get();
                ctx.executor().execute(() -> answer(ctx, request, HttpReplies.json(
                        reason.isEmpty() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                        new HttpApi.Readiness(reason.isEmpty(), reason.orElse(null)))));
            });
        } else if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
            answer(ctx, request, files.get(path, request.headers().get(HttpHeaderNames.ACCEPT_ENCODING)).orElseGet(() ->
                    HttpReplies.error(HttpResponseStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "not found")));
        } else {
            answer(ctx, request, HttpReplies.error(HttpResponseStatus.METHOD_NOT_ALLOWED, ErrorCode.INVALID_MESSAGE, "method not allowed"));
        }
    }

    /** Answers on a virtual thread, for work that blocks, then on the event loop. */
    private void blocking(ChannelHandlerContext ctx, FullHttpRequest request, Supplier<FullHttpResponse> work) {
        request.retain();
        executor.execute(() -> {
            try {
                FullHttpResponse response = work.get();
                ctx.executor().execute(() -> answer(ctx, request, response));
            } finally {
                request.release();
            }
        });
    }

    /** Sends the answer and gives the connection the full timeout for its next request. */
    private void answer(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        reply(ctx, request, response);
        deadline.restart();
    }

    /** A browser always sends Origin; only the allowed ones may open a socket or call the API. */
    private boolean originAllowed(FullHttpRequest request) {
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        return origin == null ? allowMissingOrigin : allowedOrigins.contains(origin);
    }

    private void webSocket(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!originAllowed(request)) {
            reply(ctx, request, HttpReplies.error(HttpResponseStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "origin not allowed"));
        } else if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            reply(ctx, request, HttpReplies.error(HttpResponseStatus.BAD_REQUEST, ErrorCode.INVALID_MESSAGE, "expected a WebSocket upgrade"));
        } else {
            ctx.channel().attr(Addresses.COOKIE_TOKEN).set(AccountApi.token(request));
            upgrade.accept(ctx);
            ctx.fireChannelRead(request.retain());
        }
    }

    static void reply(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        boolean keepAlive = HttpUtil.isKeepAlive(request) && response.status().code() < 500;
        if (request.method() == HttpMethod.HEAD) response.content().clear();
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) written.addListener(ChannelFutureListener.CLOSE);
    }
}
