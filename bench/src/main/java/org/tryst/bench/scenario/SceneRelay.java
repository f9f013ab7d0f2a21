package org.tryst.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tryst.bench.servers.Running;
import org.tryst.bench.servers.TrystTarget;
import org.tryst.bench.wire.Dialect;
import org.tryst.bench.wire.Pairs;
import org.tryst.bench.wire.Payload;
import org.tryst.bench.wire.SceneDialect;
import org.tryst.bench.wire.TrystDialect;

/**
 * Scene relay: P one-way pairs, each relaying opaque MLS ciphertext through the Delivery Service
 * path of its own scene (stored durably and queued for the partner's device before it is delivered,
 * then acknowledged), against Tryst's own channel path in the same 1:1 shape (a channel of two per
 * pair), swept the same way as fan-out. Tryst only: the peers have no end-to-end encrypted path; with
 * several builds of Tryst, each of them.
 */
public final class SceneRelay {
    private static final List<String> PATHS = List.of("scene", "channel");

    private SceneRelay() {}

    /**
     * Measures both paths on each build; the first build's table compares its scene path with its
     * channels, and with more builds a table per path compares the first build with the others.
     */
    public static List<Table> run(List<TrystTarget> builds, Sizes sizes, Context context) throws InterruptedException {
        int pairs = sizes.scenePairs();
        List<SceneDialect> built = new ArrayList<>();
        List<Sweep.Result> scenes = new ArrayList<>();
        List<Sweep.Result> channels = new ArrayList<>();
        for (TrystTarget tryst : builds) {
            context.say("scene relay: %s scenes, %d pairs", tryst.name(), pairs);
            scenes.add(Sweep.measure(tryst, shape(tryst.name() + "'s scene path", server -> kept(built, trystOf(server).scenePairs()), pairs,
                    sizes.firstSceneRelaysPerSecond()), sizes, context));
            context.say("scene relay: %s channels of two, %d pairs", tryst.name(), pairs);
            channels.add(Sweep.measure(tryst, shape(tryst.name() + "'s channel path", server -> trystOf(server).channelPairs(), pairs,
                    sizes.firstChannelRelaysPerSecond()), sizes, context));
        }
        String method = method(sizes, built.isEmpty() ? 0 : built.getFirst().ciphertextBytes());
        List<Table> tables = new ArrayList<>();
        tables.add(Sweep.table(String.format("Scene relay: %d pairs, 1:1, a scene's Delivery Service path against a channel of two", pairs),
                PATHS, List.of(scenes.getFirst(), channels.getFirst())).footnote(method));
        if (builds.size() > 1) {
            List<String> names = builds.stream().map(TrystTarget::name).toList();
            String same = "The same pairs, measured in the same way, as in the scene relay table above.";
            tables.add(Sweep.table(String.format("Scene relay, a scene's Delivery Service path: %d pairs, %s", pairs, String.join(" against ", names)),
                    names, scenes).footnote(same));
            tables.add(Sweep.table(String.format("Scene relay, a channel of two: %d pairs, %s", pairs, String.join(" against ", names)),
                    names, channels).footnote(same));
        }
        return tables;
    }

    private static String method(Sizes sizes, int ciphertextBytes) {
        return String.format("Each pair's sender sends to its partner only. Scene: an MLS PrivateMessage of %d bytes "
                + "(a %d-character text and its franking key) with `scene.send`, stored and queued before it is delivered, and acknowledged "
                + "by the partner in batches as the client library does (`scene.ack` %d ms after the first unacknowledged message). "
                + "The server never decrypts, so the same ciphertext is relayed each time under a fresh client id. Channel: a `say` of %d "
                + "characters in a channel of two; the echo to the sender is not counted. A step keeps up when every message reaches "
                + "its partner within %d ms after the last send and p99 ≤ %d ms. Latency is from the scheduled send time to receipt.",
                ciphertextBytes, Payload.SIZE, SceneDialect.ACK_DELAY.toMillis(), Payload.SIZE, sizes.drain().toMillis(),
                sizes.keepsUpP99().toMillis());
    }

    /** The scene path's dialect, kept to read the size of what it relayed once the sweep is over. */
    private static SceneDialect kept(List<SceneDialect> built, SceneDialect dialect) {
        built.add(dialect);
        return dialect;
    }

    /** One path in pairs: every pair's sender publishes, and each message makes one delivery, to its partner. */
    private static Sweep.Shape shape(String subject, Function<Running, Dialect> dialect, int pairs, double firstRate) {
        return new Sweep.Shape(subject, dialect, Pairs.connections(pairs), Pairs::room, Pairs.senders(pairs), 1, firstRate);
    }

    private static TrystDialect trystOf(Running server) {
        if (server.dialect() instanceof TrystDialect tryst) return tryst;
        throw new IllegalStateException("scenes are Tryst's own; " + server.name() + " has none");
    }
}
