package org.tryst.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tryst.protocol.Presence;

/**
 * Who is online as which persona, on every process: each process publishes its own sockets'
 * presence per persona, and every process keeps everyone's. A persona's presence is the best of
 * its presences on all processes. Processes say every {@link #HEARTBEAT} that they are alive; one not
 * heard from for {@link #PRESUMED_DEAD} has died (killed, cut off), and its presences are dropped.
 * Each process tells its own sockets of the changes, so nobody hears one twice.
 */
public final class Online {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Online.class);
    /** How often a process says it is alive. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** How long a silent process has before its sockets are taken to be gone. */
    public static final Duration PRESUMED_DEAD = Duration.ofSeconds(15);

    /** Hears that a persona's presence, over all processes, changed, and from what. */
    public interface Listener {
        void changed(String persona, Presence before, Presence now);
    }

    private record Seen(long started, long at) {}

    private final Clock clock;
    private final long started;
    private final Map<String, Presence> here = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Presence>> everywhere = new ConcurrentHashMap<>();
    private final Map<String, Seen> nodes = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Stripes personaLocks = new Stripes(256);
    private volatile Bus bus;

    public Online(Clock clock) {
        this.clock = clock;
        this.started = clock.millis();
    }

    void start(Bus bus) {
        this.bus = bus;
        bus.publish(new Event.NodeJoined(bus.node()));
    }

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /** A persona's presence over every process. */
    public Presence presence(String persona) {
        return best(everywhere.getOrDefault(persona, Map.of()));
    }

    /** The personas some socket on some process is online as now. */
    public Set<String> reachable() {
        return Set.copyOf(everywhere.keySet());
    }

    /** This process's sockets' presence as a persona changed: every process hears of it. */
    void here(String persona, Presence now) {
        synchronized (here) {
            Presence before = now == Presence.OFFLINE ? here.remove(persona) : here.put(persona, now);
            if (before == now || before == null && now == Presence.OFFLINE) return;
        }
        bus.publish(new Event.NodePresence(bus.node(), persona, now));
    }

    /** What a process says of its sockets, this one included. */
    void received(Event.NodePresence event) {
        seen(event.node(), null);
        update(event.persona(), event.node(), event.presence());
    }

    /** A process is alive; one that restarted lost its sockets, so what it said before is dropped. */
    void received(Event.NodeAlive event) {
        if (event.node().equals(bus.node())) return;
        seen(event.node(), event.started());
    }

    /** A process started or lost events: it is told what this one's sockets are online as. */
    void received(Event.NodeJoined event) {
        if (event.node().equals(bus.node())) return;
        seen(event.node(), null);
        republish();
    }

    /** Says this process is alive and drops the processes that stopped saying so. */
    public void heartbeat() {
        bus.publish(new Event.NodeAlive(bus.node(), started));
        long cutoff = clock.millis() - PRESUMED_DEAD.toMillis();
        nodes.forEach((node, seen) -> {
            if (seen.at() < cutoff && nodes.remove(node, seen)) {
                log.atWarn().addKeyValue("node", node).addKeyValue("silentSeconds", PRESUMED_DEAD.toSeconds())
                        .log("another process went silent; its people are shown offline unless they are online elsewhere");
                drop(node);
            }
        });
    }

    /** The bus is back: others may have dropped this process or missed its news, and this one theirs. */
    void resumed() {
        bus.publish(new Event.NodeJoined(bus.node()));
        republish();
    }

    private void republish() {
        Map<String, Presence> mine;
        synchronized (here) {
            mine = Map.copyOf(here);
        }
        mine.forEach((persona, presence) -> bus.publish(new Event.NodePresence(bus.node(), persona, presence)));
    }

    private void seen(String node, Long startedAt) {
        if (node.equals(bus.node())) return;
        Seen before = nodes.get(node);
        long since = startedAt != null ? startedAt : before == null ? 0 : before.started();
        nodes.put(node, new Seen(since, clock.millis()));
        if (before != null && startedAt != null && before.started() != 0 && before.started() != startedAt) drop(node);
    }

    /** Every presence a process had, gone with it. */
    private void drop(String node) {
        for (String persona : List.copyOf(everywhere.keySet())) update(persona, node, Presence.OFFLINE);
    }

    /** Under the persona's lock, so that its listeners hear its changes in the order they happened. */
    private void update(String persona, String node, Presence presence) {
        personaLocks.locked(persona, () -> {
            Map<String, Presence> byNode = everywhere.getOrDefault(persona, Map.of());
            Presence before = best(byNode);
            Map<String, Presence> next = new HashMap<>(byNode);
            if (presence == Presence.OFFLINE) next.remove(node);
            else next.put(node, presence);
            if (next.isEmpty()) everywhere.remove(persona);
            else everywhere.put(persona, Map.copyOf(next));
            Presence after = best(next);
            if (after != before) listeners.forEach(listener -> listener.changed(persona, before, after));
        });
    }

    private static Presence best(Map<String, Presence> byNode) {
        return byNode.containsValue(Presence.ONLINE) ? Presence.ONLINE : byNode.isEmpty() ? Presence.OFFLINE : Presence.AWAY;
    }
}
