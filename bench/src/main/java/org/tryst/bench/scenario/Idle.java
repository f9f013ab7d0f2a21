package org.tryst.bench.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.tryst.bench.servers.Running;
import org.tryst.bench.servers.Target;
import org.tryst.bench.wire.Load;

/**
 * Idle capacity: N connections, each logged in and joined to one room of {@code membersPerIdleRoom},
 * then left alone. Reports memory per connection (resident set growth, and for the JVM the heap
 * in use after a full collection) and the CPU that holding them costs.
 */
public final class Idle {
    private static final double MIB = 1024 * 1024;

    /** What one system did with N idle connections. */
    record Result(int connections, Load.Connected connected, int held, long rssBefore, long rssAfter,
                  OptionalLong heapBefore, OptionalLong heapAfter, double idleCpu) {
        double rssPerConnectionKib() {
            return held == 0 ? Double.NaN : (rssAfter - rssBefore) / 1024.0 / held;
        }

        double heapPerConnectionKib() {
            if (held == 0 || heapBefore.isEmpty() || heapAfter.isEmpty()) return Double.NaN;
            return (heapAfter.getAsLong() - heapBefore.getAsLong()) / 1024.0 / held;
        }

        /** The heap N connections would need, from the measured baseline and per-connection cost. */
        double heapMibAt(int connections) {
            return heapBefore.isEmpty() ? Double.NaN : (heapBefore.getAsLong() + heapPerConnectionKib() * 1024 * connections) / MIB;
        }
    }

    private Idle() {}

    public static List<Table> run(List<Target> targets, Sizes sizes, Context context) throws InterruptedException {
        List<Table> tables = new ArrayList<>();
        for (int n : sizes.idleConnections()) {
            List<Result> results = new ArrayList<>();
            for (Target target : targets) results.add(measure(target, n, sizes, context));
            tables.add(table(targets, n, sizes, results));
        }
        return tables;
    }

    private static Result measure(Target target, int n, Sizes sizes, Context context) throws InterruptedException {
        context.say("idle: %s with %,d connections", target.name(), n);
        try (Running server = target.start(context.work(), context.serverCpus());
             Load load = new Load(server.dialect(), n)) {
            load.prepare(n);
            Thread.sleep(sizes.settle().toMillis());
            OptionalLong heapBefore = server.heapAfterGc();
            long rssBefore = server.rssBytes();
            Load.Connected connected = load.connect(0, n, index -> "idle-" + index / sizes.membersPerIdleRoom(),
                    sizes.inFlight(), sizes.connectTimeout());
            context.say("  %,d ready, %,d failed in %.1f s %s", connected.readyNow(), connected.failed(),
                    connected.seconds(), connected.failureReasons());
            Thread.sleep(sizes.settle().toMillis());
            long cpuBefore = server.cpuNanos();
            long start = System.nanoTime();
            Thread.sleep(sizes.idleWindow().toMillis());
            double idleCpu = (server.cpuNanos() - cpuBefore) / (double) (System.nanoTime() - start);
            OptionalLong heapAfter = server.heapAfterGc();
            return new Result(n, connected, load.ready(), rssBefore, server.rssBytes(), heapBefore, heapAfter, idleCpu);
        } catch (IOException failed) {
            context.say("  %s failed: %s", target.name(), failed.getMessage());
            return new Result(n, new Load.Connected(n, 0, n, Double.NaN, failed.getMessage()), 0, 0, 0,
                    OptionalLong.empty(), OptionalLong.empty(), Double.NaN);
        }
    }

    private static Table table(List<Target> targets, int n, Sizes sizes, List<Result> results) {
        Table table = new Table(String.format("Idle capacity: %,d connections, %d per room", n, sizes.membersPerIdleRoom()),
                targets.stream().map(Target::name).toList());
        table.row("connections held", Table.Better.HIGHER, Table.values(results, result -> result.held()))
                .row("connect + log in + join, per second", Table.Better.HIGHER, Table.values(results, result -> result.connected().perSecond()))
                .row("failed connections", Table.Better.LOWER, Table.values(results, result -> result.connected().failed()))
                .row("resident memory after, MiB", Table.Better.LOWER, Table.values(results, result -> result.rssAfter() / MIB))
                .row("resident memory per connection, KiB", Table.Better.LOWER, Table.values(results, Result::rssPerConnectionKib))
                .row("heap per connection after GC, KiB", Table.Better.LOWER, Table.values(results, Result::heapPerConnectionKib))
                .row("heap for 50,000 connections (extrapolated), MiB", Table.Better.LOWER, Table.values(results, result -> result.heapMibAt(50_000)))
                .row("CPU while idle, % of one core", Table.Better.LOWER, Table.values(results, result -> result.idleCpu() * 100));
        return table;
    }
}
