package org.tryst.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tryst.MutableClock;
import org.tryst.protocol.ServerMessage;

/** One process's delivery on its in-process bus, with sockets that keep what they are sent. */
class DeliveryTest {
    /** A socket of a transport that keeps its messages in a list. */
    private record Kept(List<ServerMessage> messages) implements Outbox, Format {
        Kept() {
            this(new ArrayList<>());
        }

        @Override public Format format() {
            return this;
        }

        @Override public void write(ServerMessage message, List<Outbox> sockets) {
            sockets.forEach(socket -> socket.send(message));
        }

        @Override public void send(ServerMessage message) {
            messages.add(message);
        }

        @Override public void close(ServerMessage last, int code, String reason) {}

        @Override public String logId() {
            return "kept";
        }
    }

    /** Nobody blocks anybody. */
    private static final Visibility EVERYONE_SEES_EVERYONE = new Visibility() {
        @Override public Optional<String> accountOf(String personaId) {
            return Optional.empty();
        }

        @Override public boolean hides(String viewerAccount, Collection<String> viewerPersonas, String personaId) {
            return false;
        }

        @Override public boolean silences(String viewerAccount, Collection<String> viewerPersonas, String personaId) {
            return false;
        }

        @Override public boolean hiddenByNow(String viewerAccount, Collection<String> viewerPersonas, String personaId) {
            return false;
        }
    };

    private final MutableClock clock = new MutableClock();
    private final Delivery delivery = new Delivery(new Online(clock), new Streams(repaired -> {}, clock));

    DeliveryTest() {
        delivery.start(new LocalBus("n1", delivery), EVERYONE_SEES_EVERYONE);
    }

    @Test
    void aDisbandedChannelIsFollowedByNobodyAndHearsNothingMore() {
        Kept socket = new Kept();
        Caller caller = delivery.open(socket, "a1", "s1", "127.0.0.1");
        delivery.use(caller, "p1");
        delivery.follow(caller, "p1", "lobby");
        Audience.Channel lobby = new Audience.Channel("lobby");
        delivery.publish(new Event.Tell(lobby, new ServerMessage.ChannelClosed("lobby"), Sight.ANYONE));

        delivery.publish(new Event.Disband(lobby, Streams.name("channel", "lobby")));
        delivery.publish(new Event.Tell(lobby, new ServerMessage.ChannelClosed("lobby"), Sight.ANYONE));

        assertThat(socket.messages()).hasSize(1);
        assertThat(delivery.channelsFollowed()).isEmpty();
        assertThat(delivery.followsAs("lobby", "p1")).isFalse();
    }

    /** Counts what it writes, to show that recipients who see a message alike share one write. */
    private static final class Counted implements Format {
        int writes;

        @Override public void write(ServerMessage message, List<Outbox> sockets) {
            writes++;
            sockets.forEach(socket -> socket.send(message));
        }
    }

    /** A socket of the counted transport. */
    private record Socket(List<ServerMessage> messages, Counted counted) implements Outbox {
        Socket(Counted counted) {
            this(new ArrayList<>(), counted);
        }

        @Override public Format format() {
            return counted;
        }

        @Override public void send(ServerMessage message) {
            messages.add(message);
        }

        @Override public void close(ServerMessage last, int code, String reason) {}

        @Override public String logId() {
            return "socket";
        }
    }

    @Test
    void aLensShowsEachFollowerOfARoomTheMessageAsThePersonaItFollowsAsSeesIt() {
        Counted counted = new Counted();
        Socket a = new Socket(counted);
        Socket b = new Socket(counted);
        Socket c = new Socket(counted);
        follow(a, "a1", "p-a");
        follow(b, "a2", "p-b");
        follow(c, "a3", "p-c");
        ServerMessage.WorldDone done = new ServerMessage.WorldDone(null, "p-x", "the lamps flicker");
        ServerMessage.Ok other = new ServerMessage.Ok("unconcerned");
        delivery.lens(new Lens() {
            @Override public boolean concerns(ServerMessage message) {
                return message instanceof ServerMessage.WorldDone;
            }

            @Override public ServerMessage seenBy(ServerMessage message, String account, String persona) {
                return new ServerMessage.WorldDone(null, "p-x", persona.equals("p-a") ? "seen by " + persona : "seen by the rest");
            }
        });

        delivery.publish(new Event.Tell(new Audience.Room("courtyard"), done, Sight.ANYONE));
        delivery.publish(new Event.Tell(new Audience.Room("courtyard"), other, Sight.ANYONE));

        assertThat(a.messages()).containsExactly(new ServerMessage.WorldDone(null, "p-x", "seen by p-a"), other);
        assertThat(b.messages()).containsExactly(new ServerMessage.WorldDone(null, "p-x", "seen by the rest"), other);
        assertThat(c.messages()).isEqualTo(b.messages());
        assertThat(counted.writes).as("one write per distinct view, and one for the message the lens leaves alone").isEqualTo(3);
    }

    @Test
    void aRecipientTheLensFailsForMissesTheMessageAndTheOthersStillHearIt() {
        Counted counted = new Counted();
        Socket a = new Socket(counted);
        Socket b = new Socket(counted);
        follow(a, "a1", "p-a");
        follow(b, "a2", "p-b");
        delivery.lens(new Lens() {
            @Override public boolean concerns(ServerMessage message) {
                return true;
            }

            @Override public ServerMessage seenBy(ServerMessage message, String account, String persona) {
                if (persona.equals("p-a")) throw new IllegalStateException("the database is away");
                return message;
            }
        });
        ServerMessage.Ok message = new ServerMessage.Ok("r1");

        delivery.publish(new Event.Tell(new Audience.Room("courtyard"), message, Sight.ANYONE));

        assertThat(a.messages()).as("never the message unseen through the lens").isEmpty();
        assertThat(b.messages()).containsExactly(message);
    }

    private void follow(Socket socket, String account, String persona) {
        Caller caller = delivery.open(socket, account, "s-" + account, "127.0.0.1");
        delivery.use(caller, persona);
        delivery.follow(caller, persona, new Audience.Room("courtyard"));
    }
}
