package org.tryst.bench.wire;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.function.Function;

/**
 * What every world player of the load does, over the WebSocket or telnet: the walk from the
 * starting room to its own, one exit for each room it is shown, and the {@code say} command
 * it speaks with once there.
 */
final class Walk {
    private final Queue<String> exits;

    Walk(List<String> exits) {
        this.exits = new ArrayDeque<>(exits);
    }

    /** A room was shown: sends the next exit as {@code command} frames it, or, at the walk's end, the player is ready. */
    void step(Link link, Function<String, String> command) {
        String exit = exits.poll();
        if (exit == null) link.ready();
        else link.send(command.apply(exit));
    }

    /** The world command that says {@code payload} to the room. */
    static String say(String payload) {
        return "say " + payload;
    }
}
