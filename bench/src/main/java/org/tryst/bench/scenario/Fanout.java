package org.tryst.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.tryst.bench.servers.Running;
import org.tryst.bench.servers.Target;
import org.tryst.bench.wire.Dialect;
import org.tryst.bench.wire.Payload;

/**
 * Channel fan-out: R rooms of M members, one publisher per room, every message delivered to every
 * member (its publisher included), swept from {@code firstDeliveriesPerSecond} up to saturation.
 */
public final class Fanout {
    private Fanout() {}

    public static Table run(List<Target> targets, Sizes sizes, Context context) throws InterruptedException {
        List<Sweep.Result> results = new ArrayList<>();
        for (Target target : targets) {
            context.say("fan-out: %s with %d rooms x %d members", target.name(), sizes.fanoutRooms(), sizes.fanoutMembers());
            results.add(Sweep.measure(target, shape(target.name(), Running::dialect, sizes), sizes, context));
        }
        Table table = Sweep.table(String.format("Channel fan-out: %d rooms x %d members, one publisher per room",
                sizes.fanoutRooms(), sizes.fanoutMembers()), targets.stream().map(Target::name).toList(), results);
        return table.footnote(method(sizes));
    }

    /** Connections {@code r*M} to {@code r*M + M - 1} are room r's members, the first of them its publisher. */
    static Sweep.Shape shape(String subject, Function<Running, Dialect> dialect, Sizes sizes) {
        int members = sizes.fanoutMembers();
        List<Integer> publishers = IntStream.range(0, sizes.fanoutRooms()).map(room -> room * members).boxed().toList();
        return new Sweep.Shape(subject, dialect, sizes.fanoutRooms() * members, index -> "fan-" + index / members,
                publishers, members, sizes.firstDeliveriesPerSecond());
    }

    static String method(Sizes sizes) {
        return String.format("A step keeps up when every message reaches every member within %d ms after the last send and p99 ≤ %d ms; "
                + "saturation is the best rate that kept up. Latency is from the scheduled send time to receipt, payload %d bytes.",
                sizes.drain().toMillis(), sizes.keepsUpP99().toMillis(), Payload.SIZE);
    }
}
