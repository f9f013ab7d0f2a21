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
            throw new IllegalStateException("the bus (NATS) at " + config.natsUrl() + " cannot be used: " + e.getMessage(), e);
        }
    }
}
