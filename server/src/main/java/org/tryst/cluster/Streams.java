package org.tryst.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The ordered streams this process delivers (a channel's lines, a scene's messages) and the last
 * position it delivered of each. A message that skips positions means the bus lost some on the way
 * (NATS restarting, a slow subscriber): those are fetched from the database and delivered first. A
 * message at or before the last position came twice (once from the database) and is dropped.
 */
public final class Streams {
    /** Fetches from the database the messages of a stream after one position and before another, in order. */
    public interface Repair {
        List<Event.Tell> between(String stream, long after, long before);
    }

    private final Map<String, Repair> repairs = new ConcurrentHashMap<>();
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private final Stripes locks = new Stripes(256);
    private final IntConsumer repaired;

    /** {@code repaired} hears how many messages each repair found, for the metrics. */
    public Streams(IntConsumer repaired) {
        this.repaired = repaired;
    }

    /** Names the repair for streams of a kind: the part of their names before the colon. */
    public void repairWith(String kind, Repair repair) {
        repairs.put(kind, repair);
    }

    /** The name of a stream of a kind. */
    public static String name(String kind, String id) {
        return kind + ":" + id;
    }

    /** Delivers a message of a stream in its place: after what was missed before it, and not a second time. */
    void deliver(Event.Tell tell, Consumer<Event.Tell> out) {
        Event.Position position = tell.position();
        locks.locked(position.stream(), () -> {
            Long last = delivered.get(position.stream());
            if (last != null && position.seq() <= last) return;
            if (last != null && position.seq() > last + 1) catchUp(position.stream(), last, position.seq(), out);
            out.accept(tell);
            delivered.put(position.stream(), position.seq());
        });
    }

    /** After the bus was away: every stream delivered here catches up with what the database has after its last position. */
    void catchUp(Consumer<Event.Tell> out) {
        for (String stream : List.copyOf(delivered.keySet())) {
            locks.locked(stream, () -> {
                Long last = delivered.get(stream);
                if (last == null) return;
                long reached = catchUp(stream, last, Long.MAX_VALUE, out);
                delivered.put(stream, Math.max(last, reached));
            });
        }
    }

    /** Forgets a stream that ended (a scene deleted, a channel closed). */
    void forget(String stream) {
        delivered.remove(stream);
    }

    private long catchUp(String stream, long after, long before, Consumer<Event.Tell> out) {
        Repair repair = repairs.get(stream.substring(0, stream.indexOf(':')));
        if (repair == null) return after;
        List<Event.Tell> missed = repair.between(stream, after, before);
        missed.forEach(out);
        if (!missed.isEmpty()) repaired.accept(missed.size());
        return missed.isEmpty() ? after : missed.getLast().position().seq();
    }
}
