package org.tryst.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.MutableClock;
import org.tryst.RecordingScreen;
import org.tryst.TestServer;
import org.tryst.client.Connection;
import org.tryst.client.TrystClient;
import org.tryst.client.chat.ClientBackend;
import org.tryst.client.chat.Commands;
import org.tryst.client.chat.Errors;
import org.tryst.client.chat.Feeds;
import org.tryst.client.chat.Shell;
import org.tryst.testkit.Scratch;

/**
 * One's own limits typed at {@code ./tryst chat} against a real server whose clock the test moves:
 * a budget set with {@code /limits} warns as a line and then ends the chat saying until when, and
 * {@code /exclude} with its typed yes closes it and refuses the next log-in with the exclusion's end.
 */
class LimitsAtTheTerminalTest {
    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with(CLOCK).with("TRYST_WELLBEING_SWEEP_SECONDS", "1");

    @BeforeAll
    static void startAtTenInTheMorning() {
        UsedMinutes.startTomorrowAt(CLOCK, 10);
    }

    @Test
    void aBudgetTypedAtTheTerminalWarnsThenEndsTheChatUntilTomorrow() throws Exception {
        TestServer.User user = SERVER.register("terminal-budget");
        try (var chat = Chat.open(user)) {
            chat.type("/limits budget 15");
            chat.sees(line -> line.equals("Saved. Your limits apply now, on every device."));
            UsedMinutes.seed(SERVER, user.username(), UsedMinutes.today(CLOCK), 13);
            CLOCK.advance(Duration.ofMinutes(1));
            chat.sees(line -> line.startsWith("! Today's time runs out at 10:0"));
            CLOCK.advance(Duration.ofMinutes(1));
            chat.sees(line -> line.startsWith("That was today's time, as you limited it. Tryst opens again for you tomorrow at 00:00.")
                    && line.endsWith("/quit leaves the chat."));
        }
    }

    @Test
    void anExclusionNeedsItsTypedYesAndTheNextLogInSaysUntilWhen() throws Exception {
        TestServer.User user = SERVER.register("terminal-exclude");
        try (var chat = Chat.open(user)) {
            chat.type("/exclude 24h");
            chat.sees(line -> line.equals("If that is what you want, type /exclude 24h yes"));
            chat.type("/limits");
            chat.sees(line -> line.equals("No daily budget."));
            chat.type("/exclude 24h yes");
            chat.sees(line -> line.startsWith("You excluded yourself from Tryst until tomorrow at 10:00. Nobody can lift it early"));
            chat.sees(line -> line.endsWith("/quit leaves the chat."));
        }
        try {
            Connection.login(URI.create(SERVER.origin()), user.username(), user.password());
            throw new AssertionError("an excluded account logged in");
        } catch (RuntimeException refused) {
            assertThat(Errors.code(refused)).isEqualTo("excluded");
            assertThat(Errors.explain(refused)).startsWith("You excluded yourself from Tryst until").contains("Nobody can lift it early");
        }
    }

    /** A chat at a terminal, as {@code ./tryst chat} runs it, with what it printed. */
    private record Chat(TrystClient client, Shell shell, Feeds feeds, List<String> screen) implements AutoCloseable {
        static Chat open(TestServer.User user) {
            TrystClient client = TrystClient.open(URI.create(SERVER.origin()), user.token(), Scratch.directory("tryst-limits"));
            RecordingScreen recording = new RecordingScreen();
            List<String> screen = recording.lines();
            Shell shell = Shell.create(new ClientBackend(client), recording, CLOCK);
            shell.start();
            return new Chat(client, shell, Feeds.start(client, shell, () -> {}), screen);
        }

        void type(String line) {
            shell.run(Commands.parse(line));
        }

        void sees(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (screen.stream().noneMatch(wanted)) {
                if (System.nanoTime() > deadline) throw new AssertionError("never shown; the screen: " + screen);
                Thread.sleep(50);
            }
        }

        @Override
        public void close() {
            feeds.close();
            client.close();
        }
    }
}
