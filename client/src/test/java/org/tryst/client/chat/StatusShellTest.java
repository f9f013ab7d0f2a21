package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tryst.protocol.Answer;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/** Statuses in the terminal: choosing one and a line, the prompt showing it, who is looking, and others' statuses as they change. */
class StatusShellTest {
    private static final Instant NOW = Instant.parse("2026-01-15T21:30:00Z");
    private final FakeBackend backend = new FakeBackend();
    private final List<String> screen = new ArrayList<>();
    private final Shell shell = Shell.create(backend, new ListScreen(screen), Clock.fixed(NOW, ZoneOffset.UTC));
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
        backend.memberViews.put("lobby", List.of(new Views.Member(sage.id(), "Sage", Presence.ONLINE, true),
                new Views.Member(ash.id(), "Ash", Presence.BUSY, false, null, "back at nine")));
        shell.start();
        screen.clear();
    }

    @Test
    void aStatusAndItsLineAreChosenShownAndKeptWhenOnlyTheLineChanges() {
        type("/status");
        assertThat(screen).containsExactly("Rowan is online.", "/status STATUS [LINE] chooses another: online, looking, away, busy or dnd.");
        type("/status looking Up for a slow-burn mystery");
        assertThat(backend.calls).contains("setStatus p-rowan LOOKING Up for a slow-burn mystery");
        assertThat(screen).contains("Rowan is looking: Up for a slow-burn mystery", "Others see Rowan in /looking until you choose another status.");
        assertThat(shell.prompt()).isEqualTo("Rowan [looking]> ");
        type("/status line Anything with ghosts");
        assertThat(backend.calls).contains("setStatus p-rowan LOOKING Anything with ghosts");
        type("/status clear");
        assertThat(backend.calls).contains("setStatus p-rowan LOOKING ");
        assertThat(screen).contains("Rowan is looking.");
        type("/status online");
        assertThat(shell.prompt()).isEqualTo("Rowan> ");
        type("/join lobby");
        type("/status busy");
        assertThat(shell.prompt()).isEqualTo("Rowan [busy] in #lobby> ");
    }

    @Test
    void doNotDisturbSaysThatInvitationsAreHeldAndLeavingItThatTheyCome() {
        type("/status dnd");
        assertThat(screen).containsExactly("Rowan is on do not disturb.",
                "Do not disturb: invitations to Rowan are held, unannounced, until you choose another status; /invitations lists them.");
        assertThat(shell.prompt()).isEqualTo("Rowan [dnd]> ");
        screen.clear();
        type("/status online");
        assertThat(screen).containsExactly("Rowan is online.",
                "Invitations held while you were on do not disturb come now; /invitations lists them all.");
    }

    @Test
    void theLookingListIsNumberedWithLinesAndSinceWhenAndItsNumbersInvite() {
        backend.looking.add(new Views.Looking(new Views.Author(sage.id(), "Sage"), "Up for a mystery", NOW.minusSeconds(25 * 60).toEpochMilli()));
        backend.looking.add(new Views.Looking(new Views.Author(ash.id(), "Ash"), null, Instant.parse("2026-01-14T09:00:00Z").toEpochMilli()));
        type("/looking");
        assertThat(screen).containsExactly("Looking now (/looking invite N [NOTE] invites one):",
                "  1. Sage: Up for a mystery  (since 21:05)",
                "  2. Ash  (since Wed 14 Jan 2026, 09:00)");
        type("/looking invite 1 a mystery at the lighthouse?");
        assertThat(backend.calls).contains("invite s1 p-sage a mystery at the lighthouse?");
        type("/looking invite 3");
        assertThat(screen.getLast()).isEqualTo("There is no one numbered 3: /looking lists them.");
        backend.looking.clear();
        type("/looking");
        assertThat(screen.getLast()).isEqualTo("Nobody is looking right now. /status looking [LINE] puts you on the list.");
    }

    @Test
    void whoShowsEachMembersStatusAndLine() {
        type("/join lobby");
        screen.clear();
        type("/who");
        assertThat(screen).containsExactly("  Sage (online, owner)", "  Ash (busy): back at nine");
    }

    @Test
    void othersChosenStatusesShowAsAQuietLineButIdlenessComingAndGoingDoNot() {
        type("/join lobby");
        type("/who");
        screen.clear();
        presence(sage, Presence.LOOKING, "Up for a mystery");
        assertThat(screen).containsExactly("Sage is now looking: Up for a mystery");
        presence(sage, Presence.AWAY, "Up for a mystery"); // idle
        presence(sage, Presence.LOOKING, "Up for a mystery"); // back
        presence(ash, Presence.OFFLINE, "back at nine");
        presence(ash, Presence.BUSY, "back at nine"); // online again, as busy as before
        shell.incoming().show(new ServerMessage.PresenceChanged("elsewhere", sage.id(), Presence.DND, null));
        assertThat(screen).containsExactly("Sage is now looking: Up for a mystery");
        presence(sage, Presence.ONLINE, "");
        presence(sage, Presence.DND, "");
        presence(ash, Presence.BUSY, "");
        assertThat(screen).containsExactly("Sage is now looking: Up for a mystery", "Sage is now online", "Sage is now on do not disturb",
                "Ash is now busy");
    }

    @Test
    void onesOwnStatusChosenOnAnotherDeviceShowsInThePrompt() {
        type("/join lobby");
        backend.setStatus(rowan.id(), Presence.BUSY, "writing");
        screen.clear();
        presence(rowan, Presence.BUSY, "writing");
        assertThat(screen).isEmpty();
        assertThat(shell.prompt()).isEqualTo("Rowan [busy] in #lobby> ");
    }

    @Test
    void theBoardShowsTheStatusOfEachAdsPersona() {
        backend.board.add(new Views.Ad("Ad1", new Views.Author(sage.id(), "Sage"), "Letters by the sea", "", List.of("romance"), "general",
                0, 0, 1, Presence.LOOKING, List.of(new Views.TopicMatch("romance", Answer.YES, Answer.YES, true, List.of()))));
        backend.board.add(new Views.Ad("Ad2", new Views.Author(ash.id(), "Ash"), "Lighthouse keeper", "", List.of(), "general",
                0, 0, 1, null, List.of()));
        type("/board");
        assertThat(screen).contains("1. Letters by the sea \u2014 Sage [looking]", "2. Lighthouse keeper \u2014 Ash");
    }

    private void presence(Views.Persona who, Presence status, String line) {
        shell.incoming().show(new ServerMessage.PresenceChanged("lobby", who.id(), status, line));
    }

    private void type(String line) {
        shell.run(Commands.parse(line));
    }
}
