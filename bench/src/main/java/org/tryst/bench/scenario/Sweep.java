package org.tryst.bench.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.tryst.bench.servers.Running;
import org.tryst.bench.servers.Target;
import org.tryst.bench.wire.Dialect;
import org.tryst.bench.wire.Load;
import org.tryst.bench.wire.Publisher;

/**
 * The open-loop rate sweep of the delivery scenarios. The offered rate rises until delivery falls
 * behind (a step keeps up when every message reaches every recipient within the drain time and p99
 * stays within {@link Sizes#keepsUpP99}); the best rate that kept up is the saturation. Then
 * latency and the server's CPU are measured at 25%, 50% and 90% of it.
 */
final class Sweep {
    private static final double RAMP = 1.5;
    private static final double[] LOADS = {0.25, 0.5, 0.9};
    private static final int PROFILE_ROWS = 15;

    /**
     * What to run on a freshly started server: the dialect to speak, how many connections and in
     * which rooms, who publishes, how many deliveries each message makes, and the first rate tried
     * (deliveries a second). {@code subject} names the system in the profile.
     */
    record Shape(String subject, Function<Running, Dialect> dialect, int connections, IntFunction<String> roomOf,
                 List<Integer> publishers, int fanout, double firstRate) {}

    /**
     * One system's saturation, and its latency at fractions of it with the CPU per delivery each of
     * its processes spent there (by process name, in start order).
     */
    record Result(double saturation, boolean generatorBound, double bestDelivered, List<Publisher.Step> atLoads,
                  List<Map<String, Double>> cpuMicrosPerDelivery, int drops, String failure, String profile) {
        static Result failed(String why) {
            return new Result(Double.NaN, false, Double.NaN, List.of(), List.of(), 0, why, "");
        }

        Result withProfile(String summary) {
            return new Result(saturation, generatorBound, bestDelivered, atLoads, cpuMicrosPerDelivery, drops, failure, summary);
        }

        /** The CPU per delivery of all the system's processes together. */
        double cpuPerDelivery(int load) {
            return load < cpuMicrosPerDelivery.size()
                    ? cpuMicrosPerDelivery.get(load).values().stream().mapToDouble(Double::doubleValue).sum() : Double.NaN;
        }

        /** The CPU one process spent per delivery of the whole system, NaN where it has no such process. */
        double cpuPerDelivery(int load, String process) {
            return load < cpuMicrosPerDelivery.size() ? cpuMicrosPerDelivery.get(load).getOrDefault(process, Double.NaN) : Double.NaN;
        }

        List<String> processes() {
            return cpuMicrosPerDelivery.isEmpty() ? List.of() : List.copyOf(cpuMicrosPerDelivery.getFirst().keySet());
        }

        double percentile(int load, double percentile) {
            return load < atLoads.size() ? atLoads.get(load).percentileMillis(percentile) : Double.NaN;
        }
    }

    /**
     * The best rate that kept up, whether the generator was the limit, and the most deliveries a
     * second seen in any step where every message arrived, however late: throughput without the
     * latency bound.
     */
    private record Saturation(double deliveries, boolean generatorBound, double bestDelivered) {}

    /** Latency steps at fractions of the saturation, with each server process's CPU per delivery in each. */
    private record AtLoads(List<Publisher.Step> steps, List<Map<String, Double>> cpuMicrosPerDelivery) {}

    private Sweep() {}

    /** Starts the target fresh, connects the shape's load, warms up, then sweeps; profiled when the server records. */
    static Result measure(Target target, Shape shape, Sizes sizes, Context context) throws InterruptedException {
        Instant measuredFrom = Instant.MAX;
        Optional<Path> recording = Optional.empty();
        Result result;
        try (Running server = target.start(context.work(), context.serverCpus());
             Load load = new Load(shape.dialect().apply(server), shape.connections())) {
            recording = server.recording();
            load.prepare(shape.connections());
            Load.Connected connected = load.connect(0, shape.connections(), shape.roomOf(), sizes.inFlight(), sizes.connectTimeout());
            if (connected.failed() > 0) {
                context.say("  %,d connections failed: %s", connected.failed(), connected.failureReasons());
                return Result.failed(connected.failed() + " connections failed: " + connected.failureReasons());
            }
            Publisher publisher = new Publisher(load, shape.publishers());
            warmUp(publisher, shape, sizes);
            measuredFrom = Instant.now();
            Saturation saturation = saturate(publisher, server, sizes, shape, context);
            AtLoads atLoads = atLoads(publisher, server, sizes, shape.fanout(), saturation.deliveries(), context);
            result = new Result(saturation.deliveries(), saturation.generatorBound(), saturation.bestDelivered(), atLoads.steps(),
                    atLoads.cpuMicrosPerDelivery(), load.dropsAfterReady(), "", "");
        } catch (IOException failed) {
            context.say("  %s failed: %s", target.name(), failed.getMessage());
            return Result.failed(failed.getMessage());
        }
        return recording.isEmpty() ? result : profiled(result, recording.get(), measuredFrom, shape.subject());
    }

    /** Steps at the first rate until the warm-up time has passed, at least one. */
    private static void warmUp(Publisher publisher, Shape shape, Sizes sizes) throws InterruptedException {
        long until = System.nanoTime() + sizes.warmUp().toNanos();
        do {
            publisher.run(shape.firstRate() / shape.fanout(), sizes.stepWindow(), shape.fanout(), sizes.drain());
        } while (System.nanoTime() < until);
    }

    /**
     * Raises the rate by {@link #RAMP} until a step falls behind (or, when the first already does,
     * lowers it until one keeps up), then bisects twice between the last rate kept and the first missed.
     * A step that falls behind is run once more before the rate counts as missed: on a shared machine
     * one stall (another process, a slow disk sync) would otherwise end the search far below the limit.
     */
    private static Saturation saturate(Publisher publisher, Running server, Sizes sizes, Shape shape, Context context)
            throws InterruptedException, IOException {
        int fanout = shape.fanout();
        double kept = 0;
        double missed = Double.NaN;
        double bestDelivered = 0;
        double rate = shape.firstRate();
        boolean retried = false;
        for (int step = 0; step < sizes.maxSteps(); step++) {
            Running.Usage cpu = server.cpu();
            long start = System.nanoTime();
            Publisher.Step result = publisher.run(rate / fanout, sizes.stepWindow(), fanout, sizes.drain());
            boolean keptUp = result.deliveredShare() >= 1 && result.percentileMillis(99) <= sizes.keepsUpP99().toMillis();
            boolean retry = !keptUp && !retried && result.generatorHealthy();
            context.say("  offered %,.0f/s: %s, %s -> %s", rate, describe(result), server.cpu().since(cpu, System.nanoTime() - start),
                    keptUp ? "kept up" : retry ? "fell behind, once more" : "fell behind");
            retried = retry;
            if (retry) continue;
            if (!result.generatorHealthy()) {
                context.say("  the generator could not keep its schedule; the saturation found is a lower bound");
                return new Saturation(kept, true, bestDelivered);
            }
            if (result.deliveredShare() >= 1) bestDelivered = Math.max(bestDelivered, result.deliveredPerSecond());
            if (keptUp) kept = rate;
            else missed = Double.isNaN(missed) ? rate : Math.min(missed, rate);
            if (Double.isNaN(missed)) rate *= RAMP;
            else if (kept == 0) rate /= 2;
            else if (missed / kept < 1.1) break;
            else rate = (kept + missed) / 2;
        }
        return new Saturation(kept, false, bestDelivered);
    }

    private static AtLoads atLoads(Publisher publisher, Running server, Sizes sizes, int fanout, double saturation, Context context)
            throws InterruptedException, IOException {
        List<Publisher.Step> steps = new ArrayList<>();
        List<Map<String, Double>> cpuPerDelivery = new ArrayList<>();
        for (double share : saturation > 0 ? LOADS : new double[0]) {
            Running.Usage cpu = server.cpu();
            long start = System.nanoTime();
            Publisher.Step step = publisher.run(saturation * share / fanout, sizes.latencyWindow(), fanout, sizes.drain());
            Running.Usage after = server.cpu();
            context.say("  at %.0f%%: %s, %s", share * 100, describe(step), after.since(cpu, System.nanoTime() - start));
            steps.add(step);
            Map<String, Double> perDelivery = new LinkedHashMap<>();
            after.nanosSince(cpu).forEach((process, nanos) -> perDelivery.put(process, nanos / 1e3 / Math.max(1, step.delivered())));
            cpuPerDelivery.add(perDelivery);
        }
        return new AtLoads(steps, cpuPerDelivery);
    }

    private static Result profiled(Result result, Path recording, Instant measuredFrom, String subject) {
        try {
            return result.withProfile(Profile.summarize(recording, measuredFrom, PROFILE_ROWS, subject));
        } catch (IOException unreadable) {
            return result.withProfile("The flight recording could not be read: " + unreadable.getMessage());
        }
    }

    private static String describe(Publisher.Step step) {
        return String.format("%,.0f deliveries/s, %.2f%% delivered, p50 %.2f ms, p99 %.2f ms, generator cpu %.0f%%, lag %.1f ms",
                step.deliveredPerSecond(), step.deliveredShare() * 100, step.percentileMillis(50), step.percentileMillis(99),
                step.generatorCpu() * 100, step.worstLagMillis());
    }

    /**
     * A table with a column per result: saturation, throughput at any latency, latency percentiles
     * and the server's CPU per delivery at each load (and each process's, where a system has
     * several), connections dropped, and a footnote for each column that failed, ran out of
     * generator or carries a profile.
     */
    static Table table(String title, List<String> columns, List<Result> results) {
        Table table = new Table(title, columns);
        table.row("deliveries/s at saturation", Table.Better.HIGHER, Table.values(results, Result::saturation))
                .row("most deliveries/s with every message delivered, any latency", Table.Better.HIGHER,
                        Table.values(results, Result::bestDelivered));
        for (int load = 0; load < LOADS.length; load++) {
            int at = load;
            String share = String.format("%.0f%%", LOADS[load] * 100);
            table.row("p50 ms at " + share, Table.Better.LOWER, Table.values(results, result -> result.percentile(at, 50)))
                    .row("p99 ms at " + share, Table.Better.LOWER, Table.values(results, result -> result.percentile(at, 99)))
                    .row("p99.9 ms at " + share, Table.Better.LOWER, Table.values(results, result -> result.percentile(at, 99.9)));
        }
        for (int load = 0; load < LOADS.length; load++) {
            int at = load;
            table.row(String.format("server CPU µs per delivery at %.0f%%", LOADS[load] * 100), Table.Better.LOWER,
                    Table.values(results, result -> result.cpuPerDelivery(at)));
        }
        List<String> processes = results.stream().map(Result::processes).max(Comparator.comparingInt(List::size)).orElse(List.of());
        for (int load = 0; processes.size() > 1 && load < LOADS.length; load++) {
            int at = load;
            for (String process : processes) {
                table.row(String.format("%s CPU µs per delivery at %.0f%%", process, LOADS[load] * 100), Table.Better.LOWER,
                        Table.values(results, result -> result.cpuPerDelivery(at, process)));
            }
        }
        table.row("connections dropped by the server", Table.Better.LOWER, Table.values(results, Result::drops));
        for (int column = 0; column < results.size(); column++) {
            Result result = results.get(column);
            if (result.generatorBound()) table.footnote(columns.get(column) + ": the generator ran out of CPU first; its saturation is a lower bound.");
            if (!result.failure().isEmpty()) table.footnote(columns.get(column) + " failed: " + result.failure());
            if (!result.profile().isEmpty()) table.footnote(result.profile());
        }
        return table;
    }
}
