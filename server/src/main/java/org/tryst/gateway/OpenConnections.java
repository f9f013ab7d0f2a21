package org.tryst.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every open connection, HTTP or WebSocket, authenticated or not, until its whole pipeline has
 * heard that it closed: shutdown waits for that, since a socket's last work starts there.
 */
@ChannelHandler.Sharable
final class OpenConnections extends ChannelInboundHandlerAdapter {
    private final Map<Channel, CompletableFuture<Void>> open = new ConcurrentHashMap<>();

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        open.put(ctx.channel(), new CompletableFuture<>());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ctx.fireChannelInactive();
        CompletableFuture<Void> gone = open.remove(ctx.channel());
        if (gone != null) gone.complete(null);
    }

    /** The connections open now. */
    List<Channel> channels() {
        return List.copyOf(open.keySet());
    }

    /** Waits until every connection open now has closed and been heard to; false when the time ran out first. */
    boolean awaitClosed(long millis) {
        try {
            CompletableFuture.allOf(open.values().toArray(CompletableFuture[]::new)).get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
