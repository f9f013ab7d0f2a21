package org.tryst.bench.wire;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Publishes on an open-loop schedule: message k is due at {@code start + k / rate}, and its latency
 * is measured from that scheduled time, not from when the generator got round to it, so a stalled
 * server cannot hide its stall by slowing the generator (coordinated omission).
 */
public final class Publisher {
    private static final long TICK_MICROS = 1_000;

    private final Load load;
    private final List<Client> publishers = new ArrayList<>();

    /** Publishes through the ready clients at the given indexes, in turn. */
    public Publisher(Load load, List<Integer> indexes) {
        this.load = load;
        for (int index : indexes) {
            Client client = load.client(index);
            if (client != null && client.state() == Client.State.READY) publishers.add(client);
        }
        if (publishers.isEmpty()) throw new IllegalStateException("no publisher is connected");
    }

    /**
     * Publishes {@code perSecond} messages a second for {@code window}, waits up to {@code drain}
     * for the {@code fanout} deliveries each one should cause, and returns what was seen.
     */
    public Step run(double perSecond, Duration window, int fanout, Duration drain) throws InterruptedException {
        load.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(30));
        long total = Math.max(1, Math.round(perSecond * window.toNanos() / 1e9));
        long expected = total * fanout;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        load.resetDeliveries(start);
        long cpuBefore = os.getProcessCpuTime();
        Schedule schedule = new Schedule(start, perSecond, total);
        ScheduledFuture<?> ticking = load.loop().scheduleAtFixedRate(schedule, 0, TICK_MICROS, TimeUnit.MICROSECONDS);
        try {
            schedule.done.get(window.toMillis() * 3 + 10_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException stuck) {
            throw new IllegalStateException("the publisher did not finish", stuck);
        } finally {
            ticking.cancel(false);
        }
        long sendEnd = System.nanoTime();
        long cpuAfterSend = os.getProcessCpuTime();
        long deadline = sendEnd + drain.toNanos();
        long delivered = load.onLoop(load::deliveredOnLoop);
        while (delivered < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
            delivered = load.onLoop(load::deliveredOnLoop);
        }
        long end = System.nanoTime();
        Histogram latency = load.onLoop(load::latencyOnLoop);
        double sendSeconds = (sendEnd - start) / 1e9;
        return new Step(perSecond, schedule.sent / sendSeconds, expected, delivered, delivered / ((end - start) / 1e9),
                latency, schedule.worstLagNanos / 1e6, (cpuAfterSend - cpuBefore) / (double) (sendEnd - start));
    }

    /** The ticking part of a run, on the event loop. */
    private final class Schedule implements Runnable {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final long start;
        final double perSecond;
        final long total;
        long sent;
        long worstLagNanos;
        private final Set<Client> touched = new LinkedHashSet<>();

        Schedule(long start, double perSecond, long total) {
            this.start = start;
            this.perSecond = perSecond;
            this.total = total;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            long due = Math.min(total, (long) ((now - start) * perSecond / 1e9) + 1);
            if (sent < due) worstLagNanos = Math.max(worstLagNanos, now - scheduledAt(sent));
            for (; sent < due; sent++) {
                Client client = publishers.get((int) (sent % publishers.size()));
                if (client.state() != Client.State.READY) continue;
                client.publish(Payload.stamp(sent, scheduledAt(sent)));
                touched.add(client);
            }
            touched.forEach(Client::flush);
            touched.clear();
            if (sent >= total) done.complete(null);
        }

        private long scheduledAt(long message) {
            return start + (long) (message * 1e9 / perSecond);
        }
    }

    /**
     * One measured step: the rate asked for and achieved, deliveries expected and seen, latency
     * from scheduled send to receipt, and the generator's own health (how late its schedule ran,
     * and its CPU use as a share of one core).
     */
    public record Step(double offered, double achieved, long expected, long delivered, double deliveredPerSecond,
                       Histogram latency, double worstLagMillis, double generatorCpu) {
        public double deliveredShare() {
            return expected == 0 ? 1 : delivered / (double) expected;
        }

        public double percentileMillis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1_000.0;
        }

        /** The generator kept to its schedule with CPU to spare, so the figures are the server's. */
        public boolean generatorHealthy() {
            return achieved >= 0.98 * offered && worstLagMillis < 100 && generatorCpu < 0.9;
        }
    }
}
