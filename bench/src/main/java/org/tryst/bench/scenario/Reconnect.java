package org.tryst.bench.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.tryst.bench.servers.Running;
import org.tryst.bench.servers.Target;
import org.tryst.bench.wire.Load;

/**
 * Reconnect storm: N connections in rooms of {@code membersPerIdleRoom} all drop at once, as when a
 * network blips or a load balancer restarts, and come straight back, each doing everything a
 * client does to reconnect (for Tryst: a fresh ticket over HTTP, {@code hello}, the persona and its
 * channel). Reports the time until all are back and the errors on the way.
 */
public final class Reconnect {
    record Result(Load.Connected first, int dropped, Load.Connected again, double cpuSeconds) {}

    private Reconnect() {}

    public static Table run(List<Target> targets, Sizes sizes, Context context) throws InterruptedException {
        List<Result> results = new ArrayList<>();
        for (Target target : targets) results.add(measure(target, sizes, context));
        Table table = new Table(String.format("Reconnect storm: %,d connections drop and come back at once, %d handshakes in flight",
                sizes.reconnectConnections(), sizes.reconnectInFlight()), targets.stream().map(Target::name).toList());
        return table.row("seconds until all are back", Table.Better.LOWER, Table.values(results, result -> result.again().seconds()))
                .row("reconnections per second", Table.Better.HIGHER, Table.values(results, result -> result.again().perSecond()))
                .row("connections back", Table.Better.HIGHER, Table.values(results, result -> result.again().readyNow()))
                .row("errors while reconnecting", Table.Better.LOWER, Table.values(results, result -> result.again().failed()))
                .row("server CPU seconds for the storm", Table.Better.LOWER, Table.values(results, Result::cpuSeconds));
    }

    private static Result measure(Target target, Sizes sizes, Context context) throws InterruptedException {
        int n = sizes.reconnectConnections();
        IntFunction<String> roomOf = index -> "storm-" + index / sizes.membersPerIdleRoom();
        context.say("reconnect storm: %s with %,d connections", target.name(), n);
        try (Running server = target.start(context.work(), context.serverCpus());
             Load load = new Load(server.dialect(), n)) {
            load.prepare(n);
            Load.Connected first = load.connect(0, n, roomOf, sizes.inFlight(), sizes.connectTimeout());
            int dropped = load.dropAll();
            long cpuBefore = server.cpuNanos();
            Load.Connected again = load.connect(0, n, roomOf, sizes.reconnectInFlight(), sizes.connectTimeout());
            double cpuSeconds = (server.cpuNanos() - cpuBefore) / 1e9;
            context.say("  %,d dropped, %,d back in %.2f s, %,d errors %s", dropped, again.readyNow(), again.seconds(),
                    again.failed(), again.failureReasons());
            return new Result(first, dropped, again, cpuSeconds);
        } catch (IOException failed) {
            context.say("  %s failed: %s", target.name(), failed.getMessage());
            Load.Connected none = new Load.Connected(n, 0, n, Double.NaN, failed.getMessage());
            return new Result(none, 0, none, Double.NaN);
        }
    }
}
