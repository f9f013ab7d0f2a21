package org.tryst.cluster;

import java.time.Clock;
import java.time.Duration;
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
    /** How long a stream may go without a message before this process forgets its position. */
    public static final Duration IDLE = Duration.ofHours(24);

    /** The last position delivered of a stream, and when. */
    private record Last(long seq, long at) {}

    private final Map<String, Last> delivered = new ConcurrentHashMap<>();
    private final Stripes locks = new Stripes(256);
    private final IntConsumer repaired;
    private final Clock clock;

    /** {@code repaired} hears how many messages each repair found, for the metrics. */
    public Streams(IntConsumer repaired, Clock clock) {
        this.repaired = repaired;
        this.clock = clock;
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
            Last last = delivered.get(position.stream());
            if (last != null && position.seq() <= last.seq()) return;
            if (last != null && position.seq() > last.seq() + 1) catchUp(position.stream(), last.seq(), position.seq(), out);
            out.accept(tell);
            delivered.put(position.stream(), new Last(position.seq(), clock.millis()));
        });
    }

    /** After the bus was away: every stream delivered here catches up with what the database has after its last position. */
    void catchUp(Consumer<Event.Tell> out) {
        for (String stream : List.copyOf(delivered.keySet())) {
            locks.locked(stream, () -> {
                Last last = delivered.get(stream);
                if (last == null) return;
                long reached = catchUp(stream, last.seq(), Long.MAX_VALUE, out);
                if (reached > last.seq()) delivered.put(stream, new Last(reached, clock.millis()));
            });
        }
    }

    /** Forgets a stream that ended (a channel closed). */
    void forget(String stream) {
        locks.locked(stream, () -> {
            delivered.remove(stream);
        });
    }

    /**
     * Forgets the streams without a message for {@link #IDLE}, so that the scenes and channels of
     * months do not pile up here; the next message of one starts it afresh. Returns how many.
     */
    public int forgetIdle() {
        long before = clock.millis() - IDLE.toMillis();
        int forgotten = 0;
        for (var stream : List.copyOf(delivered.entrySet())) {
            if (stream.getValue().at() < before && delivered.remove(stream.getKey(), stream.getValue())) forgotten++;
        }
        return forgotten;
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
