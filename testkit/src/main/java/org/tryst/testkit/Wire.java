package org.tryst.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;

/**
 * A protocol client for tests that read like the spec: {@code alice.send(say); bob.expect(Message.class)}.
 * Received messages wait in order until a test takes them; {@code expect} takes the first one of the
 * type asked for, {@code expectNothing} insists that nothing is left or arrives.
 */
public final class Wire implements AutoCloseable {
    /** How long {@code expect} waits before failing. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RawWebSocket socket;
    private final List<ServerMessage> pending = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private Wire(RawWebSocket socket) {
        this.socket = socket;
    }

    /** Opens a WebSocket; {@code origin} may be null to send no Origin header, as non-browser clients do. */
    public static Wire connect(URI ws, String origin) {
        try {
            return over(RawWebSocket.connect(ws.getHost(), ws.getPort(), ws.getPath(),
                    origin == null ? Map.of() : Map.of("Origin", origin)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Speaks the protocol over a socket opened by the test. */
    public static Wire over(RawWebSocket socket) {
        return new Wire(socket);
    }

    /** A fresh request id: r1, r2, … */
    public String nextId() {
        return "r" + ids.incrementAndGet();
    }

    public void send(ClientMessage message) {
        socket.sendText(new String(Codec.encode(message), StandardCharsets.UTF_8));
    }

    public void sendJson(String json) {
        socket.sendText(json);
    }

    public RawWebSocket socket() {
        return socket;
    }

    /** The first waiting message of the type, waiting for one to arrive if needed. */
    public <T extends ServerMessage> T expect(Class<T> type) {
        return expect(type, message -> true);
    }

    /** The first waiting message of the type that matches, waiting for one to arrive if needed. */
    public <T extends ServerMessage> T expect(Class<T> type, Predicate<T> matching) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            for (Iterator<ServerMessage> it = pending.iterator(); it.hasNext(); ) {
                ServerMessage message = it.next();
                if (type.isInstance(message) && matching.test(type.cast(message))) {
                    it.remove();
                    return type.cast(message);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !receive(Duration.ofNanos(left))) {
                throw new AssertionError("expected " + type.getSimpleName() + " but got " + pending
                        + (socket.isClosed() ? " and the socket closed" : ""));
            }
        }
    }

    /** The first waiting error, which must have the code. */
    public ServerMessage.Error expectError(String code) {
        ServerMessage.Error error = expect(ServerMessage.Error.class);
        if (!error.code().equals(code)) throw new AssertionError("expected error " + code + " but got " + error);
        return error;
    }

    /** Asserts that no message is waiting and none arrives within the window. */
    public void expectNothing(Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (!receive(Duration.ofNanos(left))) break;
        }
        if (!pending.isEmpty()) throw new AssertionError("expected nothing but got " + pending);
    }

    /** Asserts that no message of the type is waiting or arrives within the window; the others stay waiting. */
    public void expectNo(Class<? extends ServerMessage> type, Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (!receive(Duration.ofNanos(left))) break;
        }
        List<ServerMessage> found = pending.stream().filter(type::isInstance).toList();
        if (!found.isEmpty()) throw new AssertionError("expected no " + type.getSimpleName() + " but got " + found);
    }

    /** Forgets every message received so far. */
    public void drain() {
        while (receive(Duration.ofMillis(50))) {
            pending.clear();
        }
        pending.clear();
    }

    /** Stops reading from the socket, as a stalled client would. */
    public void stopReading() {
        socket.pauseReading();
    }

    /** Reads again, and discards what had queued up. */
    public void resumeReading() {
        socket.resumeReading();
    }

    /** Waits for the server to close the socket; the close code, or {@link RawWebSocket#NO_CLOSE_FRAME}. */
    public int closeCode(Duration timeout) {
        try {
            return socket.awaitClosed(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        socket.close();
    }

    private boolean receive(Duration timeout) {
        try {
            String text = socket.poll(timeout);
            if (text == null) return false;
            pending.add(Codec.decodeServer(text.getBytes(StandardCharsets.UTF_8)));
            return true;
        } catch (IOException e) {
            throw new AssertionError("the server sent a message this protocol does not know", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
