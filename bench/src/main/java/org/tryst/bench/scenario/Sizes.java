package org.tryst.bench.scenario;

import java.time.Duration;
import java.util.List;

/**
 * How big and how long each scenario is. {@link #full} is the benchmark; {@link #smoke} runs every
 * code path in seconds, so that the tests keep the benchmark from rotting. The scene relay's two
 * paths start their sweeps at different rates, each below where it saturates on a small machine
 * (a scene message costs a disk sync, channel messages share one), so that neither runs out of steps.
 * A step keeps up when its p99 is within {@code keepsUpP99}: 50 ms in the benchmark, a second in the
 * smoke run, which only has to find some rate at which everything arrived, on a busy machine too.
 * Each server is loaded for {@code warmUp} before it is measured: its JIT compiles on the same core
 * as its work, and steps measured while it does count the compiler's CPU and stalls as the server's.
 * The text world's idle players are fewer than the idle scenario's connections: each telnet player
 * logs in with its password, an Argon2id hash on the server.
 */
public record Sizes(List<Integer> idleConnections, int membersPerIdleRoom, Duration settle, Duration idleWindow,
             int fanoutRooms, int fanoutMembers, double firstDeliveriesPerSecond,
             int scenePairs, double firstSceneRelaysPerSecond, double firstChannelRelaysPerSecond, int maxSteps,
             Duration warmUp, Duration stepWindow, Duration latencyWindow, Duration drain, Duration keepsUpP99,
             int reconnectConnections, int inFlight, int reconnectInFlight, Duration connectTimeout, int worldIdlePlayers) {

    public static Sizes full(List<Integer> idleConnections, int fanoutRooms, int fanoutMembers, int scenePairs, int reconnectConnections,
                             int worldIdlePlayers) {
        return new Sizes(idleConnections, 100, Duration.ofSeconds(10), Duration.ofSeconds(10),
                fanoutRooms, fanoutMembers, 5_000, scenePairs, 100, 1_000, 18,
                Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMillis(50),
                reconnectConnections, 200, 1_000, Duration.ofMinutes(3), worldIdlePlayers);
    }

    public static Sizes smoke() {
        return new Sizes(List.of(60), 20, Duration.ofMillis(200), Duration.ofMillis(500),
                3, 10, 300, 3, 10, 10, 2,
                Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(1),
                40, 20, 40, Duration.ofSeconds(30), 20);
    }
}
