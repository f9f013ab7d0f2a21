package org.tryst.bench.scenario;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.tryst.bench.servers.Running;
import org.tryst.bench.servers.TrystTarget;
import org.tryst.bench.wire.Payload;
import org.tryst.bench.wire.TrystDialect;

/**
 * The text world against channels: R rooms of the shipped starting area with M players each, a
 * share of them over telnet and the rest over the WebSocket, one speaker per room saying lines
 * every player there hears (the speaker included), against R channels of M members on the same
 * server in the same run. Players walk to their rooms first, through the exits, as people do.
 * Then what an idle player costs the server over each transport, logged in and in the world, both
 * on one server so that this costs one start more rather than two.
 * Tryst only: the peers have no world.
 */
public final class WorldRooms {
    private WorldRooms() {}

    /** {@code telnetShare}: the share of each room's players who play over telnet, from 0 to 1. */
    public static List<Table> run(TrystTarget tryst, Sizes sizes, double telnetShare, Context context) throws InterruptedException {
        int rooms = Math.min(sizes.fanoutRooms(), TrystDialect.WALKS.size());
        int members = sizes.fanoutMembers();
        int telnetPlayers = (int) Math.round(members * telnetShare);
        IntPredicate telnet = index -> index % members >= members - telnetPlayers;
        List<Integer> speakers = speakers(rooms, members, telnetPlayers);
        context.say("world: %s with %d rooms x %d players, %d of them over telnet", tryst.name(), rooms, members, telnetPlayers);
        Sweep.Result world = Sweep.measure(tryst, new Sweep.Shape(tryst.name() + "'s world", server -> trystOf(server).world(telnet),
                rooms * members, index -> "world-" + index / members, speakers, members, sizes.firstDeliveriesPerSecond()), sizes, context);
        context.say("world: %s channels, %d x %d", tryst.name(), rooms, members);
        Sweep.Result channels = Sweep.measure(tryst, new Sweep.Shape(tryst.name() + "'s channels", WorldRooms::trystOf,
                rooms * members, index -> "room-" + index / members, speakers, members, sizes.firstDeliveriesPerSecond()), sizes, context);
        Table lines = Sweep.table(String.format("The text world: %d rooms x %d players, %d of them over telnet and %d over the WebSocket, "
                        + "one speaker per room, against %d channels of %d", rooms, members, telnetPlayers, members - telnetPlayers,
                        rooms, members), List.of("world", "channels"), List.of(world, channels))
                .footnote(String.format("World: each player enters the world and walks from the starting room to its room (the shipped "
                        + "area has %d): over the WebSocket with `world.command`, hearing each line as `world.line`; over telnet logging "
                        + "in with its username and password, typing the exits and reading each line as text (`Bench7 says, \"...\"`). "
                        + "Each room's speaker types `say` lines, over telnet in every other room when the room has telnet players; a "
                        + "delivery is a line reaching one player, the speaker included, and its latency runs from the line's scheduled "
                        + "send to its arrival, over either transport. Channels: the same shape as channel fan-out, all over the "
                        + "WebSocket. Both stored, in the same way (group commit). A step keeps up when every line reaches every player "
                        + "within %d ms after the last send and p99 ≤ %d ms; payload %d bytes.", TrystDialect.WALKS.size(),
                        sizes.drain().toMillis(), sizes.keepsUpP99().toMillis(), Payload.SIZE));
        return List.of(lines, idle(tryst, rooms, sizes, context));
    }

    /** Room {@code r}'s speaker: its first player, or in odd rooms its last, a telnet player when the room has any. */
    private static List<Integer> speakers(int rooms, int members, int telnetPlayers) {
        return IntStream.range(0, rooms).map(room -> room * members + (room % 2 == 1 && telnetPlayers > 0 ? members - 1 : 0)).boxed().toList();
    }

    /**
     * The same number of idle players over each transport, in turn on one fresh server, spread
     * over the world's rooms; a tenth as many of each first, unmeasured, as a warm-up.
     */
    private static Table idle(TrystTarget tryst, int rooms, Sizes sizes, Context context) throws InterruptedException {
        int players = sizes.worldIdlePlayers();
        int warmUp = Math.max(2, players / 10);
        // Warm-up over telnet, then over the WebSocket; then the measured telnet players, then the WebSocket's.
        IntPredicate telnet = index -> index < warmUp || (index >= 2 * warmUp && index < 2 * warmUp + players);
        List<Idle.Result> results = Idle.measure(tryst, server -> trystOf(server).world(telnet), 2 * warmUp,
                List.of(new Idle.Batch(tryst.name() + "'s telnet players", 2 * warmUp, players),
                        new Idle.Batch(tryst.name() + "'s WebSocket players", 2 * warmUp + players, players)),
                index -> "world-" + index % rooms, sizes, context);
        return Idle.rows(new Table(String.format("The text world, idle: %,d players in %d rooms, over telnet against over the WebSocket",
                        players, rooms), List.of("telnet", "WebSocket")), results)
                .footnote(String.format("Each player logged in (telnet: username and password, an Argon2id hash each; WebSocket: a "
                        + "ticket), its persona in the world and in its room, then left alone. One fresh server holds %,d of each first, "
                        + "unmeasured, then the telnet players, then the WebSocket players; each column's memory is what its players "
                        + "added (resident, and heap after a full collection), measured as in the idle scenario, and its CPU while idle "
                        + "the server's holding them and all before them.", warmUp));
    }

    private static TrystDialect trystOf(Running server) {
        if (server.dialect() instanceof TrystDialect tryst) return tryst;
        throw new IllegalStateException("the world is Tryst's own; " + server.name() + " has none");
    }
}
