package org.tryst.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tryst.protocol.CloseCodes;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/** Every kind of event, and every audience, goes through the bus's codec and comes back the same; what is not an event is refused. */
class EventCodecTest {
    private static final Views.Message LINE = new Views.Message("m1", "lobby", MessageKind.SAY, new Views.Author("p1", "Rowan"), "hi", 5);

    /** One of each event, each audience and each sight rule among them. */
    private static final List<Event> EVERY_KIND = List.of(
            new Event.Tell(new Audience.Channel("lobby"), new ServerMessage.ChannelMessage(LINE), Sight.unlessSilenced("p1"),
                    new Event.Position("channel:lobby", 7)),
            new Event.Tell(new Audience.Devices(List.of("d1", "d2")), new ServerMessage.ChannelClosed("lobby"), Sight.ANYONE),
            new Event.Tell(new Audience.Account("a1"), new ServerMessage.TopicChanged("lobby", "t", null),
                    new Sight("p1", Sight.Rule.UNLESS_HIDDEN, new ServerMessage.TopicChanged("lobby", "t", null), false)),
            new Event.Tell(new Audience.Session("s1"), new ServerMessage.MemberLeft("lobby", "p1", "left"),
                    new Sight("p1", Sight.Rule.ONLY_HIDDEN, null, true)),
            new Event.Tell(new Audience.Persona("p2"), new ServerMessage.PresenceChanged("lobby", "p1", Presence.AWAY, "back soon"), Sight.othersWhoSee("p1")),
            new Event.Tell(new Audience.Directory(), new ServerMessage.ChannelUnlisted("lobby"), Sight.ANYONE),
            new Event.Tell(new Audience.Room("courtyard"), new ServerMessage.WorldLine(new Views.WorldLine("l1", "courtyard", "whisper",
                    new Views.Author("p1", "Ada"), new Views.Author("p2", "Bo"), null, 1L)), Sight.othersWhoHear("p1", "p2")),
            new Event.Follow("p1", new Audience.Channel("lobby")),
            new Event.Follow("p1", new Audience.Room("courtyard")),
            new Event.Unfollow("p1", new Audience.Channel("lobby")),
            new Event.Disband(new Audience.Channel("lobby"), "channel:lobby"),
            new Event.Release("p1"),
            new Event.Close(new Audience.Account("a1"), new ServerMessage.Error(null, "banned", "no", null), CloseCodes.SESSION_ENDED,
                    "session ended", "socket-1"),
            new Event.Tell(new Audience.Channel("lobby"), new ServerMessage.Typing("lobby", null, "p1", true), Sight.typing("p1")),
            new Event.Changed("blocks", "a1"),
            new Event.Changed("sanctions", null),
            new Event.NodePresence("n1", "p1", Presence.ONLINE),
            new Event.NodeAlive("n1", 42),
            new Event.NodeJoined("n1"));

    @Test
    void everyEventAndAudienceComesBackTheSame() throws IOException {
        assertThat(EVERY_KIND.stream().<Class<?>>map(Object::getClass).distinct())
                .as("one of every kind of event").containsExactlyInAnyOrder(Event.class.getPermittedSubclasses());
        assertThat(EVERY_KIND.stream().filter(Event.Tell.class::isInstance).<Class<?>>map(event -> ((Event.Tell) event).to().getClass()).distinct())
                .as("one of every audience").containsExactlyInAnyOrder(Audience.class.getPermittedSubclasses());
        assertThat(EVERY_KIND.stream().filter(Event.Tell.class::isInstance).map(event -> ((Event.Tell) event).sight().rule()).distinct())
                .as("one of every sight").containsExactlyInAnyOrder(Sight.Rule.values());
        for (Event event : EVERY_KIND) {
            EventCodec.Envelope envelope = new EventCodec.Envelope("n1", "run-1", 99, event);
            assertThat(EventCodec.decode(EventCodec.encode(envelope))).isEqualTo(envelope);
        }
    }

    @Test
    void whatIsNotAnEventIsRefused() {
        for (String junk : List.of("", "null", "{}", "[]", "{\"node\":\"n\",\"at\":1}", "{\"node\":\"n\",\"at\":1,\"event\":{\"kind\":\"Nope\"}}",
                "{\"node\":\"n\",\"at\":1,\"event\":{\"kind\":\"Tell\",\"to\":{\"kind\":\"Channel\",\"name\":\"x\"},\"message\":{\"type\":\"bogus\"}}}")) {
            assertThatThrownBy(() -> EventCodec.decode(junk.getBytes(StandardCharsets.UTF_8))).as(junk).isInstanceOf(IOException.class);
        }
        byte[] huge = new byte[EventCodec.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        assertThatThrownBy(() -> EventCodec.decode(huge)).isInstanceOf(IOException.class);
    }
}
