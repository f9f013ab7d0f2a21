package org.tryst.bench.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.tryst.bench.servers.Running;
import org.tryst.bench.servers.Target;
import org.tryst.bench.wire.Load;
import org.tryst.bench.wire.Publisher;

/**
 * Channel fan-out: R rooms of M members, one publisher per room. The offered rate rises until
 * delivery falls behind (a step keeps up when every message reaches every member within the drain
 * time and p99 stays under {@link #KEEPS_UP_P99_MILLIS}); the best rate that kept up is the
 * saturation. Then latency is measured at 25%, 50% and 90% of it.
 */
public final class Fanout {
    static final double KEEPS_UP_P99_MILLIS = 50;
    private static final double RAMP = 1.5;
    private static final double[] LOADS = {0.25, 0.5, 0.9};

    /** One system's saturation and its latency at fractions of it. */
    record Result(double saturation, boolean generatorBound, double bestDelivered, List<Publisher.Step> atLoads,
                  List<Double> cpuMicrosPerDelivery, int drops, String failure, String profile) {
        static Result failed(String why) {
            return new Result(Double.NaN, false, Double.NaN, List.of(), List.of(), 0, why, "");
        }

        Result withProfile(String summary) {
            return new Result(saturation, generatorBound, bestDelivered, atLoads, cpuMicrosPerDelivery, drops, failure, summary);
        }

        double cpuPerDelivery(int load) {
            return load < cpuMicrosPerDelivery.size() ? cpuMicrosPerDelivery.get(load) : Double.NaN;
        }

        double percentile(int load, double percentile) {
            return load < atLoads.size() ? atLoads.get(load).percentileMillis(percentile) : Double.NaN;
        }
    }

    private Fanout() {}

    public static Table run(List<Target> targets, Sizes sizes, Context context) throws InterruptedException {
        List<Result> results = new ArrayList<>();
        for (Target target : targets) results.add(measure(target, sizes, context));
        return table(targets, sizes, results);
    }

    private static Result measure(Target target, Sizes sizes, Context context) throws InterruptedException {
        int rooms = sizes.fanoutRooms();
        int members = sizes.fanoutMembers();
        context.say("fan-out: %s with %d rooms x %d members", target.name(), rooms, members);
        Instant measuredFrom = Instant.MAX;
        Optional<Path> recording = Optional.empty();
        Result result;
        try (Running server = target.start(context.work(), context.serverCpus());
             Load load = new Load(server.dialect(), rooms * members)) {
            recording = server.recording();
            load.prepare(rooms * members);
            Load.Connected connected = load.connect(0, rooms * members, index -> "fan-" + index / members,
                    sizes.inFlight(), sizes.connectTimeout());
            if (connected.failed() > 0) return Result.failed(connected.failed() + " connections failed: " + connected.failureReasons());
            Publisher publisher = new Publisher(load, IntStream.range(0, rooms).map(room -> room * members).boxed().toList());
            publisher.run(sizes.firstDeliveriesPerSecond() / members, sizes.stepWindow(), members, sizes.drain()); // warm-up
            measuredFrom = Instant.now();
            Saturation saturation = saturate(publisher, server, sizes, members, context);
            List<Publisher.Step> atLoads = new ArrayList<>();
            List<Double> cpuPerDelivery = new ArrayList<>();
            for (double share : saturation.deliveries > 0 ? LOADS : new double[0]) {
                Running.Cpu cpu = server.cpu();
                long start = System.nanoTime();
                Publisher.Step step = publisher.run(saturation.deliveries * share / members, sizes.latencyWindow(), members, sizes.drain());
                Running.Cpu after = server.cpu();
                context.say("  at %.0f%%: %s, %s", share * 100, describe(step), after.since(cpu, System.nanoTime() - start));
                atLoads.add(step);
                cpuPerDelivery.add((after.total() - cpu.total()) / 1e3 / Math.max(1, step.delivered()));
            }
            result = new Result(saturation.deliveries, saturation.generatorBound, saturation.bestDelivered, atLoads, cpuPerDelivery,
                    load.dropsAfterReady(), "", "");
        } catch (IOException failed) {
            context.say("  %s failed: %s", target.name(), failed.getMessage());
            return Result.failed(failed.getMessage());
        }
        if (recording.isEmpty()) return result;
        try {
            return result.withProfile(Profile.summarize(recording.get(), measuredFrom, 15));
        } catch (IOException unreadable) {
            return result.withProfile("The flight recording could not be read: " + unreadable.getMessage());
        }
    }

    /**
     * The best rate that kept up, whether the generator was the limit, and the most deliveries a
     * second seen in any step where every message arrived, however late: throughput without the
     * latency bound.
     */
    private record Saturation(double deliveries, boolean generatorBound, double bestDelivered) {}

    /**
     * Raises the rate by {@link #RAMP} until a step falls behind (or, when the first already does,
     * lowers it until one keeps up), then bisects twice between the last rate kept and the first missed.
     */
    private static Saturation saturate(Publisher publisher, Running server, Sizes sizes, int members, Context context)
            throws InterruptedException, IOException {
        double kept = 0;
        double missed = Double.NaN;
        double bestDelivered = 0;
        double rate = sizes.firstDeliveriesPerSecond();
        for (int step = 0; step < sizes.maxSteps(); step++) {
            Running.Cpu cpu = server.cpu();
            long start = System.nanoTime();
            Publisher.Step result = publisher.run(rate / members, sizes.stepWindow(), members, sizes.drain());
            boolean keptUp = result.deliveredShare() >= 1 && result.percentileMillis(99) <= KEEPS_UP_P99_MILLIS;
            context.say("  offered %,.0f/s: %s, %s -> %s", rate, describe(result), server.cpu().since(cpu, System.nanoTime() - start),
                    keptUp ? "kept up" : "fell behind");
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

    private static String describe(Publisher.Step step) {
        return String.format("%,.0f deliveries/s, %.2f%% delivered, p50 %.2f ms, p99 %.2f ms, generator cpu %.0f%%, lag %.1f ms",
                step.deliveredPerSecond(), step.deliveredShare() * 100, step.percentileMillis(50), step.percentileMillis(99),
                step.generatorCpu() * 100, step.worstLagMillis());
    }

    private static Table table(List<Target> targets, Sizes sizes, List<Result> results) {
        Table table = new Table(String.format("Channel fan-out: %d rooms x %d members, one publisher per room",
                sizes.fanoutRooms(), sizes.fanoutMembers()), targets.stream().map(Target::name).toList());
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
        table.row("connections dropped by the server", Table.Better.LOWER, Table.values(results, Result::drops));
        for (int system = 0; system < results.size(); system++) {
            Result result = results.get(system);
            if (result.generatorBound()) table.footnote(targets.get(system).name() + ": the generator ran out of CPU first; its saturation is a lower bound.");
            if (!result.failure().isEmpty()) table.footnote(targets.get(system).name() + " failed: " + result.failure());
            if (!result.profile().isEmpty()) table.footnote(result.profile());
        }
        table.footnote(String.format("A step keeps up when every message reaches every member within %d ms after the last send and p99 ≤ %.0f ms; "
                + "saturation is the best rate that kept up. Latency is from the scheduled send time to receipt, payload %d bytes.", sizes.drain().toMillis(), KEEPS_UP_P99_MILLIS,
                org.tryst.bench.wire.Payload.SIZE));
        return table;
    }
}
