package org.tryst.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.tryst.MutableClock;
import org.tryst.protocol.ServerMessage;

/** A stream's messages come out in order, once each, with what the bus lost fetched from the database; idle streams are forgotten. */
class StreamsTest {
    private static final String STREAM = Streams.name("channel", "lobby");

    private final MutableClock clock = new MutableClock();
    private final List<Integer> repairs = new ArrayList<>();
    private final Streams streams = new Streams(repairs::add, clock);
    private final List<Long> out = new ArrayList<>();
    /** What the "database" holds of each asked range, as the repair was asked for it. */
    private final List<String> asked = new ArrayList<>();

    StreamsTest() {
        streams.repairWith("channel", (stream, after, before) -> {
            asked.add(after + ".." + before);
            long last = Math.min(before - 1, 10);
            return LongStream.rangeClosed(after + 1, last).mapToObj(StreamsTest::at).toList();
        });
    }

    private static Event.Tell at(long seq) {
        return new Event.Tell(new Audience.Channel("lobby"), new ServerMessage.ChannelClosed("lobby"), Sight.ANYONE,
                new Event.Position(STREAM, seq));
    }

    private void deliver(long seq) {
        streams.deliver(at(seq), tell -> out.add(tell.position().seq()));
    }

    @Test
    void aSkippedPositionIsFetchedFirstAndARepeatIsDropped() {
        deliver(1);
        deliver(4);
        deliver(4);
        deliver(3);
        deliver(5);
        assertThat(out).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(asked).containsExactly("1..4");
        assertThat(repairs).containsExactly(2);
    }

    @Test
    void afterTheBusWasAwayEveryStreamCatchesUpToWhatTheDatabaseHas() {
        deliver(3);
        streams.catchUp(tell -> out.add(tell.position().seq()));
        deliver(10);
        deliver(11);
        assertThat(out).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    }

    @Test
    void aStreamQuietForADayIsForgottenAndStartsAfreshAtItsNextMessage() {
        deliver(1);
        clock.advance(Streams.IDLE.minus(Duration.ofMinutes(1)));
        assertThat(streams.forgetIdle()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(streams.forgetIdle()).isEqualTo(1);
        deliver(7);
        assertThat(out).containsExactly(1L, 7L);
        assertThat(asked).isEmpty();
    }

    @Test
    void aForgottenStreamNoLongerCatchesUp() {
        deliver(2);
        streams.forget(STREAM);
        streams.catchUp(tell -> out.add(tell.position().seq()));
        assertThat(out).containsExactly(2L);
        assertThat(asked).isEmpty();
    }
}
