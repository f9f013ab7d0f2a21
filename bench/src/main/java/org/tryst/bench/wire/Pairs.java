package org.tryst.bench.wire;

import java.util.List;
import java.util.stream.IntStream;

/** Connections in one-way pairs: connection {@code 2p} sends, and only to its partner {@code 2p + 1}. */
public final class Pairs {
    private Pairs() {}

    public static int connections(int pairs) {
        return 2 * pairs;
    }

    /** The sending connection of every pair. */
    public static List<Integer> senders(int pairs) {
        return IntStream.range(0, pairs).map(pair -> 2 * pair).boxed().toList();
    }

    /** The room a connection's pair talks in. */
    public static String room(int connection) {
        return "pair-" + pair(connection);
    }

    static int pair(int connection) {
        return connection / 2;
    }

    static boolean sends(int connection) {
        return connection % 2 == 0;
    }
}
