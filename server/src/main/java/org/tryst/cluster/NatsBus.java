package org.tryst.cluster;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

    private final String node;
    private final String subject;
    private final Receiver here;
    private final Metrics metrics;
    private final Clock clock;
    private final Connection connection;
    private volatile boolean connected;

    NatsBus(Config.Cluster config, Receiver here, Metrics metrics, Clock clock) throws IOException, InterruptedException {
        this.node = config.nodeName();
        this.subject = config.subject() + ".events";
        this.here = here;
        this.metrics = metrics;
        this.clock = clock;
        this.connection = Nats.connectReconnectOnConnect(options(config));
        connection.createDispatcher(this::received).subscribe(subject);
        connected = connection.getStatus() == Connection.Status.CONNECTED;
        metrics.bus(() -> connected ? 1 : 0);
    }

    @Override
    public void publish(Event event) {
        here.receive(event);
        try {
            connection.publish(subject, EventCodec.encode(new EventCodec.Envelope(node, clock.millis(), event)));
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
        try {
            connection.close();
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
        if (envelope.node().equals(node)) return;
        metrics.busReceived(Duration.ofMillis(Math.max(0, clock.millis() - envelope.at())));
        try {
            here.receive(envelope.event());
        } catch (RuntimeException failure) {
            log.atError().setCause(failure).log("an event from the bus could not be delivered");
        }
    }

    private void changed(ConnectionListener.Events event) {
        switch (event) {
            case CONNECTED -> connected = true;
            case DISCONNECTED, CLOSED -> {
                if (connected) log.atWarn().log("the bus (NATS) is not connected");
                connected = false;
            }
            case RECONNECTED, RESUBSCRIBED -> {
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
                .connectionListener((connection, event) -> changed(event))
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
                });
        if (!config.natsCredentials().isBlank()) options.authHandler(Nats.credentials(config.natsCredentials()));
        if (!config.natsTlsCa().isBlank() || config.natsUrl().contains("tls://")) {
            options.sslContext(NatsTls.context(config.natsTlsCa().isBlank() ? null : Path.of(config.natsTlsCa())));
        }
        return options.build();
    }
}
