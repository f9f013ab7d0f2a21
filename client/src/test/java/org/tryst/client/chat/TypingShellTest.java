package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tryst.client.SceneEvent;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Typing in the terminal, with the protocol's timing: a start on the first key, again every 3 s
 * while the line changes, a stop after 5 s alone, on clearing and on sending; in a channel through
 * the server, in a scene as an encrypted signal; others shown for 6 s or until their line comes.
 */
class TypingShellTest {
    private final FakeBackend backend = new FakeBackend();
    private final List<String> screen = new ArrayList<>();
    private final Ticking clock = new Ticking(Instant.parse("2026-01-15T21:30:00Z"));
    private final Shell shell = Shell.create(backend, new ListScreen(screen), clock);
    private Views.Persona rowan;
    private Views.Persona sage;
    private Views.Persona ash;

    @BeforeEach
    void anAccountWithOnePersonaInTheLobby() {
        rowan = backend.someone("Rowan");
        backend.personas.add(rowan);
        sage = backend.someone("Sage");
        ash = backend.someone("Ash");
        backend.channels.put("lobby", new ArrayList<>());
        backend.members.put("lobby", new ArrayList<>(List.of(sage.id(), ash.id())));
        backend.memberViews.put("lobby", List.of(new Views.Member(sage.id(), "Sage", Presence.ONLINE, false),
                new Views.Member(ash.id(), "Ash", Presence.ONLINE, false)));
    }

    @Test
    void aStartOnTheFirstKeyRenewedEveryThreeSecondsWhileTypingAndAStopOnSending() {
        inTheLobby();
        shell.edited("h");
        shell.edited("he");
        assertThat(typing()).containsExactly("typing p-rowan #lobby true");
        clock.pass(Duration.ofMillis(2_900));
        shell.edited("hel");
        assertThat(typing()).hasSize(1);
        clock.pass(Duration.ofMillis(100));
        shell.edited("hell");
        assertThat(typing()).containsExactly("typing p-rowan #lobby true", "typing p-rowan #lobby true");
        shell.sent();
        shell.edited("");
        assertThat(typing()).containsExactly("typing p-rowan #lobby true", "typing p-rowan #lobby true", "typing p-rowan #lobby false");
    }

    @Test
    void aLineLeftAloneFiveSecondsStopsAndClearingItStops() {
        inTheLobby();
        shell.edited("so");
        clock.pass(Duration.ofMillis(4_900));
        shell.tick();
        assertThat(typing()).containsExactly("typing p-rowan #lobby true");
        clock.pass(Duration.ofMillis(100));
        shell.tick();
        shell.tick();
        assertThat(typing()).containsExactly("typing p-rowan #lobby true", "typing p-rowan #lobby false");
        shell.edited("so m");
        shell.edited("");
        assertThat(typing()).containsExactly("typing p-rowan #lobby true", "typing p-rowan #lobby false",
                "typing p-rowan #lobby true", "typing p-rowan #lobby false");
    }

    @Test
    void commandsAreNotTypingButAPoseIsAndNowhereSendsNothing() {
        shell.start();
        shell.edited("hello");
        assertThat(typing()).isEmpty();
        type("/join lobby");
        shell.edited("/who");
        assertThat(typing()).isEmpty();
        shell.edited("/me waves");
        assertThat(typing()).containsExactly("typing p-rowan #lobby true");
        shell.edited("/m");
        assertThat(typing()).containsExactly("typing p-rowan #lobby true", "typing p-rowan #lobby false");
    }

    @Test
    void othersTypingInTheChannelShowForSixSecondsOrUntilTheirLine() {
        inTheLobby();
        assertThat(shell.whoIsTyping()).isEmpty();
        shell.incoming().show(new ServerMessage.Typing("lobby", null, sage.id(), true));
        assertThat(shell.whoIsTyping()).isEqualTo("Sage is typing\u2026");
        shell.incoming().show(new ServerMessage.Typing("lobby", null, ash.id(), true));
        assertThat(shell.whoIsTyping()).isEqualTo("Ash and Sage are typing\u2026");
        shell.incoming().show(new ServerMessage.ChannelMessage(backend.message("lobby", "Ash", MessageKind.SAY, "hi")));
        assertThat(shell.whoIsTyping()).isEqualTo("Sage is typing\u2026");
        clock.pass(Duration.ofMillis(5_999));
        assertThat(shell.whoIsTyping()).isEqualTo("Sage is typing\u2026");
        clock.pass(Duration.ofMillis(1));
        assertThat(shell.whoIsTyping()).isEmpty();
        shell.incoming().show(new ServerMessage.Typing("lobby", null, sage.id(), true));
        shell.incoming().show(new ServerMessage.Typing("lobby", null, sage.id(), false));
        shell.incoming().show(new ServerMessage.Typing("elsewhere", null, ash.id(), true));
        shell.incoming().show(new ServerMessage.Typing("lobby", null, rowan.id(), true)); // this account, on another device
        assertThat(shell.whoIsTyping()).isEmpty();
        assertThat(screen).noneMatch(line -> line.contains("typing"));
    }

    @Test
    void inASceneTypingTravelsAsAnEncryptedSignalBothWays() {
        backend.scenes.add(new Views.Scene("s1", List.of(author(rowan), author(sage)), 1, 300, List.of(), "key", 0, null, null));
        shell.start();
        type("/scene 1");
        shell.edited("I have a confession");
        shell.sent();
        assertThat(backend.calls).containsSubsequence("signal s1 {\"kind\":\"typing\",\"typing\":true}",
                "signal s1 {\"kind\":\"typing\",\"typing\":false}");
        assertThat(backend.calls).noneMatch(call -> call.startsWith("typing "));
        screen.clear();
        shell.incoming().show(new SceneEvent.Signalled("s1", sage.id(), 1, "{\"kind\":\"typing\",\"typing\":true}"));
        assertThat(shell.whoIsTyping()).isEqualTo("Sage is typing\u2026");
        shell.incoming().show(new SceneEvent.Said("s1", "m1", author(sage), "say", "tell me", clock.millis(), null));
        assertThat(shell.whoIsTyping()).isEmpty();
        assertThat(screen).containsExactly("21:30 Sage: tell me");
    }

    @Test
    void withSharingOffNoneIsSentAndNoneShown() {
        backend.sharesTyping = false;
        inTheLobby();
        shell.edited("quietly");
        shell.incoming().show(new ServerMessage.Typing("lobby", null, sage.id(), true));
        assertThat(typing()).isEmpty();
        assertThat(shell.whoIsTyping()).isEmpty();
        type("/typing");
        assertThat(screen.getLast()).isEqualTo("Typing is not shared: nobody sees when you type, and you do not see others type. /typing on shares it.");
        type("/typing on");
        assertThat(backend.calls).contains("shareTyping true");
        shell.edited("now loudly");
        assertThat(typing()).containsExactly("typing p-rowan #lobby true");
        shell.incoming().show(new ServerMessage.Typing("lobby", null, sage.id(), true));
        assertThat(shell.whoIsTyping()).isEqualTo("Sage is typing\u2026");
        type("/typing off");
        assertThat(backend.calls).contains("shareTyping false");
        assertThat(screen.getLast()).startsWith("Typing is not shared");
        assertThat(shell.whoIsTyping()).isEmpty();
    }

    private void inTheLobby() {
        shell.start();
        type("/join lobby");
    }

    private List<String> typing() {
        return backend.calls.stream().filter(call -> call.startsWith("typing ")).toList();
    }

    private void type(String line) {
        shell.run(Commands.parse(line));
    }

    private static Views.Author author(Views.Persona persona) {
        return new Views.Author(persona.id(), persona.name());
    }

    /** A clock the test moves forward. */
    private static final class Ticking extends Clock {
        private Instant now;

        Ticking(Instant start) {
            now = start;
        }

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
