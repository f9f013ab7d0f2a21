package org.tryst.cluster;

import java.io.IOException;
import java.time.Clock;
import org.tryst.config.Config;
import org.tryst.metrics.Metrics;

/** Picks the bus the configuration asks for: in this process alone, or NATS between several. */
public final class Buses {
    private Buses() {}

    public static Bus open(Config.Cluster config, Receiver here, Metrics metrics, Clock clock) throws InterruptedException {
        if (!config.clustered()) return new LocalBus(config.nodeName(), here);
        try {
            return new NatsBus(config, here, metrics, clock);
        } catch (IOException e) {
            // The URL may carry a password, and so may the client's message.
            throw new IllegalStateException("the bus (NATS) at " + Config.Cluster.withoutSecret(config.natsUrl()) + " cannot be used: "
                    + Config.Cluster.withoutSecret(String.valueOf(e.getMessage())));
        }
    }
}
