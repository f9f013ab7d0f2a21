package org.tryst.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import org.tryst.bench.servers.Running;
import org.tryst.bench.servers.Target;
import org.tryst.bench.servers.TrystCluster;
import org.tryst.bench.servers.TrystTarget;
import org.tryst.bench.wire.Dialect;
import org.tryst.bench.wire.TrystDialect;

/**
 * Fan-out across processes: {@link Fanout}'s rooms with each room's members placed alternately on
 * two Tryst processes that share one PostgreSQL and one nats-server, against one process on a
 * PostgreSQL started the same way, so that what differs is the second process and the bus, not the
 * database. Every process of both runs, NATS and PostgreSQL included, shares the servers' CPUs.
 */
public final class ClusterFanout {
    private static final int PROCESSES = 2;

    private ClusterFanout() {}

    public static Table run(TrystTarget tryst, Sizes sizes, Context context) throws InterruptedException {
        List<Target> targets = List.of(new TrystCluster(tryst, PROCESSES), new TrystCluster(tryst, 1));
        List<Sweep.Result> results = new ArrayList<>();
        for (Target target : targets) {
            context.say("cross-process fan-out: %s on PostgreSQL with %d rooms x %d members", target.name(),
                    sizes.fanoutRooms(), sizes.fanoutMembers());
            results.add(Sweep.measure(target, Fanout.shape(tryst.name() + " on " + target.name(),
                    server -> placed(server, sizes.fanoutMembers()), sizes), sizes, context));
        }
        Table table = Sweep.table(String.format("Cross-process fan-out: %d rooms x %d members, each room's members alternately on %d processes, against 1",
                sizes.fanoutRooms(), sizes.fanoutMembers(), PROCESSES), targets.stream().map(Target::name).toList(), results);
        return table.footnote(String.format("Both columns run on PostgreSQL (fresh for each, with PostgreSQL's default fsync and synchronous commit), "
                        + "%d processes with a nats-server between them. Room r's members alternate between the processes starting with process "
                        + "r mod %d, so that each holds half the members and half the publishers. A process's CPU per delivery is its CPU time "
                        + "over all deliveries, so that the rows of one column add up to its server CPU.", PROCESSES, PROCESSES))
                .footnote(Fanout.method(sizes));
    }

    /** Room r's members alternate between the processes from process r mod n on: its member m is on process (m + r) mod n. */
    private static Dialect placed(Running server, int members) {
        if (!(server.dialect() instanceof TrystDialect tryst)) throw new IllegalStateException(server.name() + " is not Tryst");
        int processes = tryst.processes();
        return tryst.placed(index -> (index % members + index / members) % processes);
    }
}
