package org.tryst.bench.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark connection, over the WebSocket or telnet alike: its framing ({@link WebSocketText},
 * {@link TelnetText}) hands it each frame or line as bytes and takes strings; it feeds them to its
 * conversation and reports to the load.
 */
final class Client extends SimpleChannelInboundHandler<ByteBuf> implements Link {
    enum State { CONNECTING, READY, FAILED, CLOSED }

    private final Conversation conversation;
    private final Load load;
    private Channel channel;
    private State state = State.CONNECTING;

    Client(Conversation conversation, Load load) {
        this.conversation = conversation;
        this.load = load;
    }

    State state() {
        return state;
    }

    /** Queues a publish without flushing: the publisher flushes every connection it wrote to at once. */
    void publish(String payload) {
        channel.write(conversation.publish(payload), channel.voidPromise());
    }

    void flush() {
        channel.flush();
    }

    /** Closes from the client side, as a dropped network would, without telling the server first. */
    void drop() {
        if (channel != null) channel.close();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        switch (event) {
            case TextEvent.Opened _ -> conversation.opened(this);
            case TextEvent.Closed closed -> failed(closed.reason());
            default -> super.userEventTriggered(ctx, event);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf text) {
        long scheduled = conversation.delivery(text);
        if (scheduled >= 0) load.delivered(scheduled, System.nanoTime());
        else conversation.received(text.toString(StandardCharsets.UTF_8), this);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (state == State.CONNECTING) failed("closed before ready");
        else if (state == State.READY) {
            state = State.CLOSED;
            load.closed(this);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failed(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        ctx.close();
    }

    @Override
    public void send(String frame) {
        channel.writeAndFlush(frame, channel.voidPromise());
    }

    @Override
    public void delivered(long scheduledNanos, long arrivedNanos) {
        load.delivered(scheduledNanos, arrivedNanos);
    }

    @Override
    public void later(Duration delay, Runnable work) {
        channel.eventLoop().schedule(work, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void ready() {
        if (state != State.CONNECTING) return;
        state = State.READY;
        load.ready(this);
    }

    @Override
    public void failed(String reason) {
        if (state == State.FAILED || state == State.CLOSED) return;
        boolean wasReady = state == State.READY;
        state = State.FAILED;
        load.failed(this, wasReady, reason);
    }
}
