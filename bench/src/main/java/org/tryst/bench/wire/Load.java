package org.tryst.bench.wire;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.tryst.gateway.Transport;

/**
 * Opens and drives many connections (WebSocket, or telnet where the dialect's endpoint says so) to
 * one server from a single event-loop thread, and measures what arrives. Everything a delivery touches lives on that thread, so the hot path takes
 * no lock; other threads read it through {@link #onLoop}.
 */
public final class Load implements AutoCloseable {
    /** Each source address has about 28,000 ephemeral ports; past this many connections the next 127.0.0.x is used. */
    private static final int PER_SOURCE_ADDRESS = 25_000;
    private static final int MAX_FRAME = 1 << 20;
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(5);

    private final Dialect dialect;
    private final Transport transport = Transport.best();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, transport.io().get());
    private final EventLoop loop = group.next();
    private final Client[] clients;
    private final AtomicInteger readyNow = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger dropsAfterReady = new AtomicInteger();
    private final Map<String, Integer> failureReasons = new ConcurrentHashMap<>();
    private final Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
    private long delivered;
    /** Every payload that arrived, including those of earlier steps still draining. */
    private long arrived;
    /** Payloads scheduled before this belong to an earlier step and are not counted. */
    private long countFrom;
    private Semaphore connecting;

    public Load(Dialect dialect, int capacity) {
        this.dialect = dialect;
        this.clients = new Client[capacity];
    }

    EventLoop loop() {
        return loop;
    }

    /**
     * Connects clients {@code from} to {@code from + count - 1}, each joining {@code roomOf(index)},
     * with at most {@code inFlight} handshakes at once; returns once each is ready or has failed.
     */
    public Connected connect(int from, int count, IntFunction<String> roomOf, int inFlight, Duration timeout)
            throws InterruptedException {
        int failedBefore = failures.get();
        connecting = new Semaphore(inFlight);
        long start = System.nanoTime();
        try (var opener = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int index = from; index < from + count; index++) {
                if (!connecting.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) break;
                int connection = index;
                opener.execute(() -> open(connection, roomOf.apply(connection)));
            }
            connecting.tryAcquire(inFlight, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Connected(count, readyNow.get(), failures.get() - failedBefore, seconds, reasons());
    }

    private void open(int index, String room) {
        Client client;
        try {
            client = new Client(dialect.open(index, room), this);
        } catch (Exception | Error refused) {
            failed(null, false, refused.getClass().getSimpleName() + ": " + refused.getMessage());
            return;
        }
        clients[index] = client;
        URI endpoint = dialect.endpoint(index);
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", endpoint.getPort());
        Bootstrap bootstrap = new Bootstrap().group(group).channel(transport.clientChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(pipeline(client, endpoint));
        var attempt = index < PER_SOURCE_ADDRESS ? bootstrap.connect(server)
                : bootstrap.connect(server, new InetSocketAddress("127.0.0." + (1 + index / PER_SOURCE_ADDRESS), 0));
        attempt.addListener(done -> {
            if (!done.isSuccess()) client.failed("connect: " + done.cause().getMessage());
        });
    }

    /** The framing the endpoint's scheme names ({@code ws:} or {@code telnet:}), then the client. */
    private ChannelInitializer<SocketChannel> pipeline(Client client, URI endpoint) {
        boolean telnet = endpoint.getScheme().equals("telnet");
        WebSocketClientProtocolConfig websocket = telnet ? null : WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(endpoint)
                .subprotocol(dialect.subprotocol())
                .customHeaders(new DefaultHttpHeaders())
                .maxFramePayloadLength(MAX_FRAME)
                .handleCloseFrames(false)
                .dropPongFrames(true)
                .handshakeTimeoutMillis(30_000)
                .build();
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                if (telnet) channel.pipeline().addLast(new TelnetText(), client);
                else channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_FRAME),
                        new WebSocketClientProtocolHandler(websocket), new WebSocketFrameAggregator(MAX_FRAME), new WebSocketText(), client);
            }
        };
    }

    /**
     * Makes what the first {@code count} connections need before they connect (Tryst's accounts),
     * outside any measurement.
     */
    public void prepare(int count) throws InterruptedException {
        try {
            dialect.prepare(count);
        } catch (IOException refused) {
            throw new IllegalStateException("could not prepare " + count + " connections: " + refused.getMessage(), refused);
        }
    }

    /** The client at {@code index}, if it connected. */
    Client client(int index) {
        return clients[index];
    }

    /** How many clients are ready now. */
    public int ready() {
        return readyNow.get();
    }

    /** Ready clients that the server later closed or that failed. */
    public int dropsAfterReady() {
        return dropsAfterReady.get();
    }

    /** Closes every connection from the client side at once, as a network drop would; returns how many were open. */
    public int dropAll() throws InterruptedException {
        int open = onLoop(() -> {
            int count = 0;
            for (Client client : clients) {
                if (client != null && client.state() == Client.State.READY) {
                    client.drop();
                    count++;
                }
            }
            return count;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (readyNow.get() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
        dropsAfterReady.set(0);
        return open;
    }

    /** Runs {@code work} on the event loop and waits for its answer. */
    <T> T onLoop(java.util.concurrent.Callable<T> work) throws InterruptedException {
        try {
            return loop.submit(work).get();
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        }
    }

    /** Clears delivery counters and the latency histogram before a step whose messages are scheduled from {@code from}. */
    void resetDeliveries(long from) throws InterruptedException {
        onLoop(() -> {
            delivered = 0;
            countFrom = from;
            latency.reset();
            return null;
        });
    }

    /**
     * Waits until no payload has arrived for {@code quiet} (at most {@code limit}), so that a step
     * that fell behind does not spill into the next.
     */
    void awaitQuiet(Duration quiet, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long seen = onLoop(() -> arrived);
        while (System.nanoTime() < deadline) {
            Thread.sleep(quiet.toMillis());
            long now = onLoop(() -> arrived);
            if (now == seen) return;
            seen = now;
        }
    }

    long deliveredOnLoop() {
        return delivered;
    }

    Histogram latencyOnLoop() {
        return latency.copy();
    }

    void ready(Client client) {
        readyNow.incrementAndGet();
        connecting.release();
    }

    void delivered(long scheduledNanos, long arrivedNanos) {
        arrived++;
        if (scheduledNanos < countFrom) return;
        delivered++;
        long micros = (arrivedNanos - scheduledNanos) / 1_000;
        latency.recordValue(Math.max(0, Math.min(micros, MAX_LATENCY_MICROS)));
    }

    void closed(Client client) {
        readyNow.decrementAndGet();
        dropsAfterReady.incrementAndGet();
    }

    void failed(Client client, boolean wasReady, String reason) {
        failures.incrementAndGet();
        failureReasons.merge(reason.length() > 120 ? reason.substring(0, 120) : reason, 1, Integer::sum);
        if (wasReady) {
            readyNow.decrementAndGet();
            dropsAfterReady.incrementAndGet();
        } else {
            connecting.release();
        }
        if (client != null) client.drop();
    }

    private String reasons() {
        return failureReasons.entrySet().stream().limit(3).map(e -> e.getValue() + "x " + e.getKey())
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** What a round of connecting achieved. */
    public record Connected(int attempted, int readyNow, int failed, double seconds, String failureReasons) {
        public double perSecond() {
            return attempted / seconds;
        }
    }
}
