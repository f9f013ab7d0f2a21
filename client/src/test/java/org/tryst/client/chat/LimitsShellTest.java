package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tryst.client.RequestFailed;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/** {@code /limits} and {@code /exclude} in the terminal, and what it shows as limits come near and end the session. */
class LimitsShellTest {
    private final FakeBackend backend = new FakeBackend();
    private final List<String> screen = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-15T21:30:00Z"), ZoneOffset.UTC);
    private final Shell shell = Shell.create(backend, new ListScreen(screen), clock);

    @BeforeEach
    void anAccountWithOnePersona() {
        backend.personas.add(backend.someone("Rowan"));
        shell.start();
        screen.clear();
    }

    @Test
    void limitsShowWhatIsInForceWhatWaitsAndTheLastDays() {
        backend.wellbeing = new Views.Wellbeing(new Views.WellbeingLimits(60, "23:30", "07:00", "UTC", null),
                new Views.WellbeingLimits(90, "23:30", "07:00", "UTC", null), FakeBackend.PENDING_FROM, null, 42,
                List.of(new Views.UsageDay("2026-01-13", 75), new Views.UsageDay("2026-01-15", 42)));
        type("/limits");
        assertThat(screen).containsSubsequence("At most 1 hour a day.", "Quiet hours from 23:30 until 07:00.", "No break reminders.",
                "Days and hours in UTC.", "Waiting, in force tomorrow at 21:30:", "  At most 1 hour 30 minutes a day.",
                "Today so far: 42 minutes, of 1 hour.", "The last 7 days, in minutes:");
        assertThat(screen).contains("  Tue 13 Jan   75 ########", "  Wed 14 Jan    0", "  Thu 15 Jan   42 #####");
        assertThat(screen.stream().filter(line -> line.matches("  \\w{3} \\d+ \\w{3} .*"))).hasSize(Limits.DAYS_SHOWN);
    }

    @Test
    void changingOneLimitKeepsTheOthersAndSaysWhatWaits() {
        type("/limits budget 60");
        assertThat(backend.calls).contains("wellbeing.set WellbeingLimits[dailyMinutes=60, quietFrom=null, quietUntil=null, timeZone=Z, breakMinutes=null]");
        assertThat(screen).contains("Saved. Your limits apply now, on every device.", "At most 1 hour a day.");
        type("/limits quiet 23:30-07:00");
        type("/limits breaks 45");
        assertThat(backend.wellbeing.limits()).isEqualTo(new Views.WellbeingLimits(60, "23:30", "07:00", "Z", 45));
        type("/limits budget none");
        assertThat(last()).isEqualTo("Days and hours in Z.");
        assertThat(screen).contains("Saved. What is stricter applies now; what is looser takes effect tomorrow at 21:30.");
        assertThat(backend.wellbeing.pending().dailyMinutes()).isNull();
        type("/limits quiet none");
        assertThat(backend.wellbeing.pending()).as("a new request starts from what waits, not from what is in force")
                .isEqualTo(new Views.WellbeingLimits(null, null, null, "Z", 45));
    }

    @Test
    void malformedLimitsSayTheUsageAndSendNothing() {
        for (String bad : List.of("/limits budget", "/limits budget ten", "/limits quiet 23:30", "/limits quiet 25:00-07:00",
                "/limits breaks -5", "/limits sleep 8", "/exclude", "/exclude 2w", "/exclude 7d please")) {
            type(bad);
            assertThat(last()).as(bad).startsWith("Usage: /");
        }
        assertThat(backend.calls).noneMatch(call -> call.startsWith("wellbeing.set") || call.startsWith("exclude"));
    }

    @Test
    void aRefusedLimitSaysTheServersRuleAndChangesNothing() {
        backend.refuse("wellbeing.set WellbeingLimits[dailyMinutes=5, quietFrom=null, quietUntil=null, timeZone=Z, breakMinutes=null]",
                "invalid_message", "dailyMinutes must be 15 to 1440, or null for no budget");
        type("/limits budget 5");
        assertThat(last()).isEqualTo("DailyMinutes must be 15 to 1440, or null for no budget.");
        assertThat(backend.wellbeing.limits().dailyMinutes()).isNull();
    }

    @Test
    void excludingAsksForTheTypedConfirmationThenSaysUntilWhen() {
        type("/exclude 7d");
        assertThat(screen).contains("Nobody can lift it early: not you, not a moderator, not even the operator.");
        assertThat(last()).isEqualTo("If that is what you want, type /exclude 7d yes");
        assertThat(backend.calls).noneMatch(call -> call.startsWith("exclude"));
        type("/exclude 7d yes");
        assertThat(backend.calls).contains("exclude 7d");
        assertThat(last()).startsWith("You excluded yourself from Tryst until 22 January 2026 at 21:30. Nobody can lift it early");
        shell.incoming().closed(4001);
        assertThat(last()).contains("until 22 January 2026 at 21:30").endsWith("/quit leaves the chat.");
    }

    @Test
    void warningsAndBreakRemindersShowAsTheyArrive() {
        shell.incoming().show(new ServerMessage.WellbeingWarning("daily_limit", Instant.parse("2026-01-15T21:35:00Z").toEpochMilli()));
        assertThat(last()).isEqualTo("! Today's time runs out at 21:35; Tryst closes then, on every device.");
        shell.incoming().show(new ServerMessage.WellbeingWarning("quiet_hours", Instant.parse("2026-01-15T23:30:00Z").toEpochMilli()));
        assertThat(last()).isEqualTo("! Quiet hours begin at 23:30; Tryst closes then, on every device.");
        shell.incoming().show(new ServerMessage.WellbeingBreak(45));
        assertThat(last()).isEqualTo("You have been here 45 minutes on end. A good moment for a break.");
    }

    @Test
    void theCloseAfterALimitSaysUntilWhenInsteadOfAFailure() {
        shell.incoming().show(new ServerMessage.Error(null, "quiet_hours", "these are your quiet hours", 9L * 3_600_000 + 30 * 60_000));
        shell.incoming().closed(4001);
        assertThat(last()).isEqualTo("These are your quiet hours. Tryst opens again for you tomorrow at 07:00."
                + " Your conversations wait; the others see only that you went offline. /quit leaves the chat.");
    }

    @Test
    void aLogInRefusedByALimitSaysUntilWhen() {
        String said = Errors.explain(new RequestFailed("daily_limit", "today's time is used up", 3_600_000L));
        assertThat(said).startsWith("That was today's time, as you limited it. Tryst opens again for you ");
        assertThat(Errors.explain(new RequestFailed("excluded", "until", 7L * 86_400_000))).contains("Nobody can lift it early");
        assertThat(Errors.explain("quiet_hours", "quiet")).isEqualTo("These are your quiet hours; Tryst opens again for you when they end.");
    }

    private void type(String line) {
        shell.run(Commands.parse(line));
    }

    private String last() {
        return screen.getLast();
    }
}
