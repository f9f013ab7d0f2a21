package org.tryst.bench.scenario;

import java.util.List;
import java.util.stream.IntStream;
import org.tryst.bench.servers.Running;
import org.tryst.bench.servers.TrystTarget;
import org.tryst.bench.wire.Payload;
import org.tryst.bench.wire.TrystDialect;

/**
 * The text world against channels: R rooms of the shipped starting area with M players each, one
 * speaker per room saying lines every player there hears (the speaker included), against R
 * channels of M members on the same server in the same run. Players walk to their rooms first,
 * through the exits, as people do. Tryst only: the peers have no world.
 */
public final class WorldRooms {
    private WorldRooms() {}

    public static Table run(TrystTarget tryst, Sizes sizes, Context context) throws InterruptedException {
        int rooms = Math.min(sizes.fanoutRooms(), TrystDialect.WALKS.size());
        int members = sizes.fanoutMembers();
        context.say("world: %s with %d rooms x %d players", tryst.name(), rooms, members);
        Sweep.Result world = Sweep.measure(tryst, shape(tryst.name() + "'s world", "world-", rooms, members, true, sizes), sizes, context);
        context.say("world: %s channels, %d x %d", tryst.name(), rooms, members);
        Sweep.Result channels = Sweep.measure(tryst, shape(tryst.name() + "'s channels", "room-", rooms, members, false, sizes), sizes, context);
        return Sweep.table(String.format("The text world: %d rooms x %d players over the WebSocket, one speaker per room, against %d channels "
                        + "of %d", rooms, members, rooms, members), List.of("world", "channels"), List.of(world, channels))
                .footnote(String.format("World: each player enters the world and walks from the starting room to its room (the shipped "
                        + "area has %d), and each room's speaker types `say` lines (`world.command`), which reach every player there as "
                        + "`world.line`. Channels: the same shape as channel fan-out. Both stored, in the same way (group commit). "
                        + "Telnet players are not in this table yet. A step keeps up when every line reaches every player within %d ms "
                        + "after the last send and p99 ≤ %d ms; payload %d bytes.", TrystDialect.WALKS.size(), sizes.drain().toMillis(),
                        sizes.keepsUpP99().toMillis(), Payload.SIZE));
    }

    private static Sweep.Shape shape(String subject, String prefix, int rooms, int members, boolean world, Sizes sizes) {
        List<Integer> speakers = IntStream.range(0, rooms).map(room -> room * members).boxed().toList();
        return new Sweep.Shape(subject, server -> world ? trystOf(server).world() : trystOf(server), rooms * members,
                index -> prefix + index / members, speakers, members, sizes.firstDeliveriesPerSecond());
    }

    private static TrystDialect trystOf(Running server) {
        if (server.dialect() instanceof TrystDialect tryst) return tryst;
        throw new IllegalStateException("the world is Tryst's own; " + server.name() + " has none");
    }
}
