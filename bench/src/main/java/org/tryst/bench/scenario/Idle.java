package org.tryst.bench.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.tryst.bench.servers.Running;
import org.tryst.bench.servers.Target;
import org.tryst.bench.wire.Dialect;
import org.tryst.bench.wire.Load;

/**
 * Idle capacity: N connections, each logged in and joined to one room of {@code membersPerIdleRoom},
 * then left alone. Reports memory per connection (resident set growth, and for the JVM the heap
 * in use after a full collection) and the CPU that holding them costs. The text world's idle
 * players are measured the same way, a batch over each transport in turn ({@link WorldRooms}).
 */
public final class Idle {
    private static final double MIB = 1024 * 1024;

    /**
     * What one system did with N idle connections, measured from what its server held before them;
     * {@code heapBaseline} is the heap of the server before any measured connection, and
     * {@code idleCpu} the server's while it holds these connections and any before them.
     */
    record Result(int connections, Load.Connected connected, int held, long rssBefore, long rssAfter,
                  OptionalLong heapBefore, OptionalLong heapAfter, OptionalLong heapBaseline, double idleCpu) {
        double rssPerConnectionKib() {
            return held == 0 ? Double.NaN : (rssAfter - rssBefore) / 1024.0 / held;
        }

        double heapPerConnectionKib() {
            if (held == 0 || heapBefore.isEmpty() || heapAfter.isEmpty()) return Double.NaN;
            return (heapAfter.getAsLong() - heapBefore.getAsLong()) / 1024.0 / held;
        }

        /** The heap N connections would need, from the measured baseline and per-connection cost. */
        double heapMibAt(int connections) {
            return heapBaseline.isEmpty() ? Double.NaN : (heapBaseline.getAsLong() + heapPerConnectionKib() * 1024 * connections) / MIB;
        }
    }

    /** Connections {@code from} to {@code from + count - 1}, measured together; {@code name} is for progress lines. */
    record Batch(String name, int from, int count) {}

    private Idle() {}

    public static List<Table> run(List<Target> targets, Sizes sizes, Context context) throws InterruptedException {
        List<Table> tables = new ArrayList<>();
        for (int n : sizes.idleConnections()) {
            List<Result> results = new ArrayList<>();
            for (Target target : targets) {
                results.addAll(measure(target, Running::dialect, 0, List.of(new Batch(target.name(), 0, n)),
                        index -> "idle-" + index / sizes.membersPerIdleRoom(), sizes, context));
            }
            tables.add(rows(new Table(String.format("Idle capacity: %,d connections, %d per room", n, sizes.membersPerIdleRoom()),
                    targets.stream().map(Target::name).toList()), results));
        }
        return tables;
    }

    /**
     * On one fresh server: connections {@code 0} to {@code warmUp - 1} first, unmeasured (so that
     * the first batch does not pay alone for what the server loads and compiles on first use),
     * then each batch in turn, measured from what the server held before it. Connection {@code i}
     * speaks {@code dialect} in {@code roomOf(i)}.
     */
    static List<Result> measure(Target target, Function<Running, Dialect> dialect, int warmUp, List<Batch> batches,
                                IntFunction<String> roomOf, Sizes sizes, Context context) throws InterruptedException {
        int connections = warmUp + batches.stream().mapToInt(Batch::count).sum();
        List<Result> results = new ArrayList<>();
        try (Running server = target.start(context.work(), context.serverCpus());
             Load load = new Load(dialect.apply(server), connections)) {
            load.prepare(connections);
            if (warmUp > 0) load.connect(0, warmUp, roomOf, sizes.inFlight(), sizes.connectTimeout());
            Thread.sleep(sizes.settle().toMillis());
            OptionalLong baseline = collected(server, sizes);
            OptionalLong heapBefore = baseline;
            long rssBefore = server.rssBytes();
            for (Batch batch : batches) {
                context.say("idle: %s with %,d connections", batch.name(), batch.count());
                int readyBefore = load.ready();
                Load.Connected connected = load.connect(batch.from(), batch.count(), roomOf, sizes.inFlight(), sizes.connectTimeout());
                context.say("  %,d ready, %,d failed in %.1f s %s", connected.readyNow() - readyBefore, connected.failed(),
                        connected.seconds(), connected.failureReasons());
                Thread.sleep(sizes.settle().toMillis());
                double idleCpu = idleCpu(server, sizes);
                OptionalLong heapAfter = collected(server, sizes);
                long rssAfter = server.rssBytes();
                results.add(new Result(batch.count(), connected, load.ready() - readyBefore, rssBefore, rssAfter, heapBefore, heapAfter,
                        baseline, idleCpu));
                heapBefore = heapAfter;
                rssBefore = rssAfter;
            }
            return results;
        } catch (IOException failed) {
            context.say("  %s failed: %s", target.name(), failed.getMessage());
            for (Batch batch : batches.subList(results.size(), batches.size())) {
                results.add(new Result(batch.count(), new Load.Connected(batch.count(), 0, batch.count(), Double.NaN, failed.getMessage()),
                        0, 0, 0, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), Double.NaN));
            }
            return results;
        }
    }

    /**
     * The heap in use after a full collection, once the JVM has had the settle time to hand the
     * heap it no longer needs back to the system (G1 does that in the background, after the
     * collection): read at once, the resident set would still count the garbage of what came
     * before, such as the Argon2id hashes of registrations and telnet logins.
     */
    private static OptionalLong collected(Running server, Sizes sizes) throws IOException, InterruptedException {
        OptionalLong heap = server.heapAfterGc();
        if (heap.isPresent()) Thread.sleep(sizes.settle().toMillis());
        return heap;
    }

    /** The server's CPU over the idle window, as a share of one core. */
    private static double idleCpu(Running server, Sizes sizes) throws IOException, InterruptedException {
        long cpuBefore = server.cpuNanos();
        long start = System.nanoTime();
        Thread.sleep(sizes.idleWindow().toMillis());
        return (server.cpuNanos() - cpuBefore) / (double) (System.nanoTime() - start);
    }

    /** The table's rows: a column per result. */
    static Table rows(Table table, List<Result> results) {
        return table.row("connections held", Table.Better.HIGHER, Table.values(results, result -> result.held()))
                .row("connect + log in + join, per second", Table.Better.HIGHER, Table.values(results, result -> result.connected().perSecond()))
                .row("failed connections", Table.Better.LOWER, Table.values(results, result -> result.connected().failed()))
                .row("resident memory after, MiB", Table.Better.LOWER, Table.values(results, result -> result.rssAfter() / MIB))
                .row("resident memory per connection, KiB", Table.Better.LOWER, Table.values(results, Result::rssPerConnectionKib))
                .row("heap per connection after GC, KiB", Table.Better.LOWER, Table.values(results, Result::heapPerConnectionKib))
                .row("heap for 50,000 connections (extrapolated), MiB", Table.Better.LOWER, Table.values(results, result -> result.heapMibAt(50_000)))
                .row("CPU while idle, % of one core", Table.Better.LOWER, Table.values(results, result -> result.idleCpu() * 100));
    }
}
