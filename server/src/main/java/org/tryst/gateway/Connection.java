package org.tryst.gateway;

import org.tryst.protocol.CloseCodes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Format;
import org.tryst.requests.Exchange;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;

/**
 * One authenticated WebSocket, the {@link Outbox} delivery writes to, and the two queues that keep
 * it from harming others. Requests run one at a time, in order, on virtual threads; when
 * too many wait, the socket stops reading. Outbound frames queue in Netty up to a high-water mark,
 * past which the reader is too slow and the socket is closed instead of growing the heap.
 */
public final class Connection implements Exchange {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    /**
     * The code of the close frame on its way, set once: a second close frame (a sweep meeting an
     * account deletion) is a protocol error to the browser, and frames after it are never read.
     */
    private static final AttributeKey<Integer> CLOSE_CODE = AttributeKey.valueOf("tryst.close-code");
    /** How long a socket has to take its close frame, behind what is queued before it, before it is cut off. */
    static final long CLOSE_GRACE_SECONDS = 5;

    private final Channel channel;
    private final Requests requests;
    private final Runnable onSlowConsumer;
    private volatile Caller caller;

    Connection(Channel channel, Executor executor, int maxPending, Runnable onSlowConsumer) {
        this.channel = channel;
        this.requests = new Requests(channel, executor, maxPending);
        this.onSlowConsumer = onSlowConsumer;
    }

    /** Who is on this socket, as the capabilities see it; set once, when its hello is accepted. */
    @Override
    public Caller caller() {
        return caller;
    }

    void caller(Caller caller) {
        this.caller = caller;
    }

    @Override
    public Format format() {
        return WebSocketFormat.INSTANCE;
    }

    @Override
    public String logId() {
        return channel.id().asShortText();
    }

    @Override
    public void send(ServerMessage message) {
        send(Codec.encode(message));
    }

    /** Sends an encoded message to this socket, from any thread. */
    public void send(byte[] json) {
        ByteBuf frame = TextFrames.of(json);
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) deliver(frame);
        else loop.execute(() -> deliver(frame));
    }

    /**
     * Sends one encoded message to many sockets: the frame is built once, and each event loop gets
     * one task that writes it to its sockets, not one task per socket, since fan-out is where the
     * server spends its time and a task hand-over costs more than a write. Each socket still
     * receives its messages in the order they were sent.
     */
    static void sendAll(Collection<Connection> sockets, byte[] json) {
        if (sockets.isEmpty()) return;
        Map<EventLoop, List<Connection>> byLoop = new HashMap<>();
        for (Connection socket : sockets) byLoop.computeIfAbsent(socket.channel.eventLoop(), loop -> new ArrayList<>()).add(socket);
        ByteBuf frame = TextFrames.of(json);
        try {
            byLoop.forEach((loop, group) -> {
                frame.retain();
                loop.execute(() -> {
                    try {
                        group.forEach(socket -> socket.deliver(frame.retainedDuplicate()));
                    } finally {
                        frame.release();
                    }
                });
            });
        } finally {
            frame.release();
        }
    }

    /**
     * Writes an encoded frame on the socket's event loop, taking over its reference. A socket whose
     * outbound queue is over the high-water mark is closed: it never slows the sender.
     */
    private void deliver(ByteBuf frame) {
        if (!channel.isActive() || closeCode(channel) != null) {
            frame.release();
        } else if (!channel.isWritable()) {
            frame.release();
            if (closeNow(channel, null, CloseCodes.SLOW_CONSUMER, "reading too slowly")) {
                log.atWarn().addKeyValue("connection", logId()).log("closing slow consumer");
                onSlowConsumer.run();
            }
        } else {
            channel.writeAndFlush(frame, channel.voidPromise());
        }
    }

    /**
     * Sends a last message, then closes with a WebSocket close code and reason, once the replies
     * this socket is owed for requests already handled are sent.
     */
    @Override
    public void close(ServerMessage last, int code, String reason) {
        requests.closeWhenAnswered(() -> closeWith(channel, last, code, reason));
    }

    /** Closes after the requests already submitted and their replies: a close decided on reading comes after what was read before. */
    void closeAfterRequests(int code, String reason) {
        submit(() -> close(null, code, reason));
    }

    /** A reply that comes later, when {@code reply} completes; a close waits until it has been sent. */
    @Override
    public void owe(CompletableFuture<?> reply) {
        requests.owe(reply);
    }

    /**
     * Sends an optional last message and a close frame on any WebSocket channel, then closes it.
     * From another thread it goes through the event loop, behind the frames already sent to it.
     */
    static void closeWith(Channel channel, ServerMessage last, int code, String reason) {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) closeNow(channel, last, code, reason);
        else loop.execute(() -> closeNow(channel, last, code, reason));
    }

    /**
     * On the event loop: the close frame, or false when one was already on its way. A reader that
     * takes nothing more is cut off after a grace period rather than holding the socket open.
     */
    private static boolean closeNow(Channel channel, ServerMessage last, int code, String reason) {
        if (!channel.isActive() || channel.attr(CLOSE_CODE).setIfAbsent(code) != null) return false;
        if (last != null) channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(Codec.encode(last))));
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(future -> channel.close());
        ScheduledFuture<?> cutOff = channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        channel.closeFuture().addListener(closed -> cutOff.cancel(false));
        return true;
    }

    /** The code of the close frame sent on the channel, or null when none was. */
    static Integer closeCode(Channel channel) {
        return channel.attr(CLOSE_CODE).get();
    }

    public boolean open() {
        return channel.isActive();
    }

    /** Runs a request after the ones before it, on a virtual thread. */
    void submit(Runnable request) {
        requests.submit(request);
    }
}
