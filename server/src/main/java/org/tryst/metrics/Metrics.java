package org.tryst.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.tryst.protocol.ErrorCode;

/**
 * The server's Prometheus metrics. Labels are only ever from closed sets (message types, error
 * codes), never from user input, so the series count stays bounded and nothing private leaks.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter slowConsumers;
    private final Counter channelMessages;
    private final Counter busPublished;
    private final Counter busReceived;
    private final Counter busDropped;
    private final Counter busUnreadable;
    private final Counter busGapsRepaired;
    private final Timer busLag;

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        slowConsumers = Counter.builder("tryst.slow.consumers").description("Sockets closed for reading too slowly")
                .register(registry);
        channelMessages = Counter.builder("tryst.channel.messages").description("Channel messages stored and sent")
                .register(registry);
        busPublished = Counter.builder("tryst.bus.published").description("Events this process published to the other processes")
                .register(registry);
        busReceived = Counter.builder("tryst.bus.received").description("Events this process received from the other processes")
                .register(registry);
        busDropped = Counter.builder("tryst.bus.dropped").description("Events that could not be published while the bus was away")
                .register(registry);
        busUnreadable = Counter.builder("tryst.bus.unreadable").description("Messages on the bus's subject that were not events")
                .register(registry);
        busGapsRepaired = Counter.builder("tryst.bus.gaps.repaired")
                .description("Channel lines and scene messages the bus lost, read from the database instead").register(registry);
        busLag = Timer.builder("tryst.bus.lag").description("From an event's publication on one process to its arrival on this one")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** Reports the number of open authenticated sockets. */
    public void connections(IntSupplier count) {
        Gauge.builder("tryst.connections", count::getAsInt).description("Authenticated WebSocket connections")
                .register(registry);
    }

    public void request(String type) {
        registry.counter("tryst.requests", "type", type).increment();
    }

    public void error(ErrorCode code) {
        registry.counter("tryst.errors", "code", code.wire()).increment();
    }

    public void slowConsumer() {
        slowConsumers.increment();
    }

    public void channelMessage() {
        channelMessages.increment();
    }

    /** Reports whether the bus reaches the other processes (1) or not (0). */
    public void bus(IntSupplier connected) {
        Gauge.builder("tryst.bus.connected", connected::getAsInt).description("Whether the bus (NATS) is connected").register(registry);
    }

    public void busPublished() {
        busPublished.increment();
    }

    public void busReceived(Duration lag) {
        busReceived.increment();
        busLag.record(lag);
    }

    public void busDropped() {
        busDropped.increment();
    }

    public void busUnreadable() {
        busUnreadable.increment();
    }

    public void busGapRepaired(int messages) {
        busGapsRepaired.increment(messages);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
