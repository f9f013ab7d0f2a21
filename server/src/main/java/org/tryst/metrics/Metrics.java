package org.tryst.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        slowConsumers = Counter.builder("tryst.slow.consumers").description("Sockets closed for reading too slowly")
                .register(registry);
        channelMessages = Counter.builder("tryst.channel.messages").description("Channel messages stored and sent")
                .register(registry);
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

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
