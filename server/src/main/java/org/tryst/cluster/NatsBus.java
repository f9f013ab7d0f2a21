package org.tryst.cluster;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.config.Config;
import org.tryst.metrics.Metrics;

/**
 * The bus between processes over core NATS. Every event goes on one subject, so each process hears
 * another's events in the order it published them. A process does not hear its own (no echo): it
 * delivers them itself, at once. Publishing never waits for NATS: while it is away events are
 * dropped, not held to arrive late, since the database has what matters; when the connection comes
 * back every process catches up from it (numbered streams, caches, follows, presence).
 */
public final class NatsBus implements Bus {
    private static final Logger log = LoggerFactory.getLogger(NatsBus.class);
    private static final int OUTGOING_QUEUE = 50_000;
    /** How long a starting process waits for NATS before it starts without it. */
    private static final Duration FIRST_CONNECTION = Duration.ofSeconds(5);
    /** How long after the client gave a connection up a new one is tried. */
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final String node;
    private final String subject;
    private final Receiver here;
    private final Metrics metrics;
    private final Clock clock;
    /** Tells this process's run from another that was given the same node name, and from its own events coming back. */
    private final String instance = org.tryst.storage.Ids.random();
    private final String address;
    /** The connection, once NATS first answered; events published before that are dropped, as in any outage. */
    private volatile Connection connection;
    private volatile boolean connected;
    private volatile boolean closing;
    private volatile boolean namesakeReported;
    /** The reasons NATS gave for refusing or failing this process since it was last connected, each logged once. */
    private final Set<String> reasonsSaid = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstConnection = new CountDownLatch(1);
    private final Options options;

    /** Connects in the background: a process starts, serves its own sockets and reports itself unready while NATS is away. */
    NatsBus(Config.Cluster config, Receiver here, Metrics metrics, Clock clock) throws IOException, InterruptedException {
        this.node = config.nodeName();
        this.subject = config.subject() + ".events";
        this.here = here;
        this.metrics = metrics;
        this.clock = clock;
        this.address = Config.Cluster.withoutSecret(config.natsUrl());
        metrics.bus(() -> connected ? 1 : 0);
        this.options = options(config);
        Nats.connectAsynchronously(options, true);
        if (!firstConnection.await(FIRST_CONNECTION.toMillis(), TimeUnit.MILLISECONDS)) {
            log.atWarn().addKeyValue("node", node).addKeyValue("nats", address)
                    .log("the bus (NATS) is not connected yet (a warning above says why, if NATS refused); serving this process's sockets meanwhile, and not ready");
        }
    }

    @Override
    public void publish(Event event) {
        here.receive(event);
        publishElsewhere(event);
    }

    @Override
    public void publishElsewhere(Event event) {
        Connection current = connection;
        if (current == null) {
            metrics.busDropped();
            return;
        }
        try {
            current.publish(subject, EventCodec.encode(new EventCodec.Envelope(node, instance, clock.millis(), event)));
            metrics.busPublished();
        } catch (IllegalStateException full) {
            // NATS is away: the database has it, and the other processes catch up when it is back.
            metrics.busDropped();
        }
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public void close() {
        closing = true;
        Connection current = connection;
        if (current == null) return;
        try {
            current.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void received(Message message) {
        EventCodec.Envelope envelope;
        try {
            envelope = EventCodec.decode(message.getData());
        } catch (IOException | RuntimeException unreadable) {
            metrics.busUnreadable();
            log.atWarn().addKeyValue("error", unreadable.getMessage()).log("an event on the bus could not be read");
            return;
        }
        if (envelope.node().equals(node)) {
            if (envelope.instance().equals(instance)) return;
            if (!namesakeReported) {
                namesakeReported = true;
                log.atError().addKeyValue("node", node).log("another process uses this process's cluster.node name; give each its own");
            }
        }
        metrics.busReceived(Duration.ofMillis(Math.max(0, clock.millis() - envelope.at())));
        try {
            here.receive(envelope.event());
        } catch (RuntimeException failure) {
            log.atError().setCause(failure).log("an event from the bus could not be delivered");
        }
    }

    private void changed(Connection from, ConnectionListener.Events event) {
        if (event == ConnectionListener.Events.CONNECTED || event == ConnectionListener.Events.RECONNECTED) reasonsSaid.clear();
        switch (event) {
            case CONNECTED -> adopt(from);
            case DISCONNECTED -> {
                if (from != connection) return;
                if (connected && !closing) log.atWarn().log("the bus (NATS) is not connected");
                connected = false;
            }
            case CLOSED -> closed(from);
            case RECONNECTED, RESUBSCRIBED -> {
                if (from != connection) {
                    adopt(from);
                    return;
                }
                boolean was = connected;
                connected = true;
                if (!was) {
                    log.atInfo().log("the bus (NATS) is connected again; catching up");
                    Thread.startVirtualThread(here::resumed);
                }
            }
            case DISCOVERED_SERVERS, LAME_DUCK -> { }
        }
    }

    /**
     * The client gave a connection up for good, as it does when NATS refuses the same credentials
     * twice: unless the server is stopping, a new one is tried a little later, so that a process
     * whose password or certificate NATS now accepts joins without a restart.
     */
    private void closed(Connection from) {
        if (closing || (connection != null && from != connection)) return;
        if (connected) log.atWarn().log("the bus (NATS) is not connected");
        connected = false;
        if (reasonsSaid.add("given up")) {
            log.atWarn().addKeyValue("node", node).addKeyValue("nats", address).addKeyValue("retrySeconds", RETRY.toSeconds())
                    .log("the bus (NATS) gave this connection up; trying a new one every few seconds");
        }
        Thread.startVirtualThread(() -> {
            try {
                Thread.sleep(RETRY);
                if (!closing) Nats.connectAsynchronously(options, true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * A connection that answers: subscribed once (NATS subscribes again after each reconnect of the
     * same connection), and what was missed meanwhile is caught up. A new connection, after the
     * client gave the last one up, takes its place.
     */
    private synchronized void adopt(Connection from) {
        if (closing) {
            closeQuietly(from);
            return;
        }
        if (connection == from) {
            connected = true;
            return;
        }
        Connection old = connection;
        from.createDispatcher(this::received).subscribe(subject);
        connection = from;
        connected = true;
        log.atInfo().addKeyValue("node", node).addKeyValue("nats", address).log(old == null ? "the bus (NATS) is connected"
                : "the bus (NATS) is connected again; catching up");
        firstConnection.countDown();
        // A process that started before NATS answered served its sockets alone meanwhile; at startup this is cheap.
        Thread.startVirtualThread(here::resumed);
        if (old != null) closeQuietly(old);
    }

    /**
     * Says why NATS refused or failed this process (a wrong password, a certificate that does not
     * name the host), once per reason until it connects: the client retries twice a second, and
     * the log should not.
     */
    private void why(String reason) {
        String said = Config.Cluster.withoutSecret(reason);
        if (!reasonsSaid.add(said)) return;
        var line = log.atWarn().addKeyValue("node", node).addKeyValue("nats", address).addKeyValue("reason", said);
        if (said.contains("SSLHandshakeException") || said.contains("certificate")) {
            line = line.addKeyValue("hint", "NATS's certificate must be signed by a CA in cluster.nats_tls_ca (or the JDK's) "
                    + "and name the host written in cluster.nats_url");
        } else if (said.contains("Authorization Violation") || said.contains("Authentication")) {
            line = line.addKeyValue("hint", "check the user and password or token in cluster.nats_url, or cluster.nats_credentials");
        }
        line.log("the bus (NATS) refused or failed");
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The hosts of the configured URLs, as written. */
    private static List<String> hosts(String urls) {
        return Arrays.stream(urls.split("\\s*,\\s*")).map(url -> URI.create(url.trim()).getHost()).filter(Objects::nonNull).toList();
    }

    private Options options(Config.Cluster config) throws IOException {
        Options.Builder options = new Options.Builder()
                .servers(config.natsUrl().split("\\s*,\\s*"))
                .connectionName("tryst " + node)
                .noEcho()
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500))
                .reconnectBufferSize(0)
                .maxMessagesInOutgoingQueue(OUTGOING_QUEUE)
                .discardMessagesWhenOutgoingQueueFull()
                .pingInterval(Duration.ofSeconds(2))
                .maxPingsOut(2)
                .connectionListener(this::changed)
                .errorListener(new ErrorListener() {
                    @Override
                    public void slowConsumerDetected(Connection connection, Consumer consumer) {
                        // NATS dropped events this process read too slowly: catch up from the database.
                        log.atWarn().log("this process read the bus too slowly; catching up");
                        Thread.startVirtualThread(here::resumed);
                    }

                    @Override
                    public void messageDiscarded(Connection connection, Message message) {
                        metrics.busDropped();
                    }

                    @Override
                    public void errorOccurred(Connection connection, String error) {
                        why(error);
                    }

                    @Override
                    public void exceptionOccurred(Connection connection, Exception exception) {
                        Throwable cause = exception.getCause();
                        boolean repeats = cause == null || String.valueOf(exception.getMessage()).contains(String.valueOf(cause.getMessage()));
                        why(repeats ? exception.toString() : exception + ": " + cause);
                    }
                });
        if (!config.natsCredentials().isBlank()) options.authHandler(Nats.credentials(config.natsCredentials()));
        if (!config.natsTlsCa().isBlank() || config.natsUrl().contains("tls://")) {
            options.sslContext(NatsTls.context(config.natsTlsCa().isBlank() ? null : Path.of(config.natsTlsCa()), hosts(config.natsUrl())));
        }
        return options.build();
    }
}
