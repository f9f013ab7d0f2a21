package org.tryst.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.tryst.bench.servers.Running;
import org.tryst.bench.servers.Target;
import org.tryst.bench.wire.Payload;

/**
 * Channel fan-out: R rooms of M members, one publisher per room, every message delivered to every
 * member (its publisher included), swept from {@code firstDeliveriesPerSecond} up to saturation.
 */
public final class Fanout {
    private Fanout() {}

    public static Table run(List<Target> targets, Sizes sizes, Context context) throws InterruptedException {
        int rooms = sizes.fanoutRooms();
        int members = sizes.fanoutMembers();
        List<Integer> publishers = IntStream.range(0, rooms).map(room -> room * members).boxed().toList();
        List<Sweep.Result> results = new ArrayList<>();
        for (Target target : targets) {
            context.say("fan-out: %s with %d rooms x %d members", target.name(), rooms, members);
            Sweep.Shape shape = new Sweep.Shape(target.name(), Running::dialect, rooms * members, index -> "fan-" + index / members,
                    publishers, members, sizes.firstDeliveriesPerSecond());
            results.add(Sweep.measure(target, shape, sizes, context));
        }
        Table table = Sweep.table(String.format("Channel fan-out: %d rooms x %d members, one publisher per room", rooms, members),
                targets.stream().map(Target::name).toList(), results);
        return table.footnote(String.format("A step keeps up when every message reaches every member within %d ms after the last send and p99 ≤ %.0f ms; "
                + "saturation is the best rate that kept up. Latency is from the scheduled send time to receipt, payload %d bytes.",
                sizes.drain().toMillis(), Sweep.KEEPS_UP_P99_MILLIS, Payload.SIZE));
    }
}
