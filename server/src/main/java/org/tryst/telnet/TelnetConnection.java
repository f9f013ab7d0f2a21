package org.tryst.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Format;
import org.tryst.gateway.Requests;
import org.tryst.protocol.ServerMessage;
import org.tryst.requests.Exchange;

/**
 * One telnet connection as delivery and the dispatcher see it: every message that reaches it is
 * rendered as text for its own terminal (width, colour, persona) and, when the client speaks GMCP,
 * as GMCP too. Lines run one at a time, in order, on virtual threads; when too many wait, the
 * socket stops reading, and a reader too slow to take its output is closed rather than buffered.
 */
final class TelnetConnection implements Exchange {
    private static final Logger log = LoggerFactory.getLogger(TelnetConnection.class);
    /** How long a closing connection has to take its last lines before it is cut off. */
    private static final long CLOSE_GRACE_SECONDS = 5;

    private final Channel channel;
    private final Requests requests;
    private final String area;
    private final Runnable onSlowConsumer;
    private volatile Viewer viewer = Viewer.plain();
    private volatile boolean gmcp;
    private volatile Caller caller;
    private volatile boolean closing;

    TelnetConnection(Channel channel, Executor executor, int maxPending, String area, Runnable onSlowConsumer) {
        this.channel = channel;
        this.requests = new Requests(channel, executor, maxPending);
        this.area = area;
        this.onSlowConsumer = onSlowConsumer;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    void caller(Caller caller) {
        this.caller = caller;
    }

    Viewer viewer() {
        return viewer;
    }

    void viewer(Viewer viewer) {
        this.viewer = viewer;
    }

    void gmcp(boolean on) {
        this.gmcp = on;
    }

    @Override
    public Format format() {
        return TelnetFormat.INSTANCE;
    }

    @Override
    public String logId() {
        return channel.id().asShortText();
    }

    /** The message as this terminal shows it, and as GMCP when the client speaks it. */
    @Override
    public void send(ServerMessage message) {
        Viewer now = viewer;
        String text = TextRenderer.render(message, now);
        if (!text.isEmpty()) write(Telnet.text(text));
        if (gmcp) Gmcp.of(message, now, area).ifPresent(this::gmcp);
    }

    /** Text of the gateway's own: prompts, menus, confirmations. */
    void say(String text) {
        if (!text.isEmpty()) write(Telnet.text(new Text().add(text).render(viewer)));
    }

    /** Text in a tone of the gateway's own. */
    void say(Text.Tone tone, String text) {
        write(Telnet.text(new Text().add(tone, text).render(viewer)));
    }

    /** A GMCP message, when the client speaks GMCP. */
    void gmcp(Gmcp.Message message) {
        if (gmcp) write(Telnet.subnegotiation(Telnet.GMCP, message.bytes()));
    }

    /** Writes raw telnet bytes, from any thread; a reader past the high-water mark is closed instead. */
    void write(ByteBuf bytes) {
        if (closing || !channel.isActive()) {
            bytes.release();
            return;
        }
        if (!channel.isWritable()) {
            bytes.release();
            closing = true;
            log.atWarn().addKeyValue("connection", logId()).log("closing slow telnet reader");
            onSlowConsumer.run();
            channel.close();
            return;
        }
        channel.writeAndFlush(bytes, channel.voidPromise());
    }

    /** Sends {@code last} and a line saying why, then closes, once the replies owed are sent. */
    @Override
    public void close(ServerMessage last, int code, String reason) {
        requests.closeWhenAnswered(() -> closeNow(last, reason));
    }

    /** Closes after the lines already read are handled. */
    void closeAfterRequests(String reason) {
        submit(() -> close(null, 0, reason));
    }

    private void closeNow(ServerMessage last, String reason) {
        if (closing) return;
        if (last != null) send(last);
        if (reason != null && !reason.isEmpty()) say(Text.Tone.NOTICE, "Disconnected: " + reason + ".");
        closing = true;
        channel.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void owe(CompletableFuture<?> reply) {
        requests.owe(reply);
    }

    /** Runs a line's work after the work before it, on a virtual thread. */
    void submit(Runnable work) {
        requests.submit(work);
    }
}
