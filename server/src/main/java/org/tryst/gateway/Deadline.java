package org.tryst.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that has not finished its current step in time: an HTTP request (slow
 * headers, slow body) or, on a WebSocket, the {@code hello} that authenticates it. Each complete
 * request restarts the clock; an authenticated socket cancels it and is watched by pings instead.
 */
final class Deadline extends ChannelInboundHandlerAdapter {
    private final long timeoutMillis;
    private ChannelHandlerContext context;
    private ScheduledFuture<?> timer;

    Deadline(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        restart();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    /** Gives the connection a full timeout from now to finish its next HTTP request, or be closed. */
    void restart() {
        restart(context::close);
    }

    /** Gives the connection a full timeout from now to finish its next step, or {@code expired} runs. */
    void restart(Runnable expired) {
        cancel();
        timer = context.executor().schedule(expired, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops watching: the connection has authenticated. */
    void cancel() {
        if (timer != null) timer.cancel(false);
        timer = null;
    }
}
