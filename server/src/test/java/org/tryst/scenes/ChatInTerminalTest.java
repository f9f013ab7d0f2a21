package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.client.TrystClient;
import org.tryst.client.chat.Chat;

/**
 * The terminal chat as a person sees it in a terminal: the whole chat runs on an xterm in memory,
 * and the tests read its rows and the bytes it wrote. The prompt follows without leaving pieces
 * behind, a safeword clears the screen and the scrollback, and moderators' words are shown.
 */
class ChatInTerminalTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    static final TestServer server = TestServer.sqlite().with("TRYST_MODERATION_SWEEP_SECONDS", "1");

    @Test
    void thePromptChangesWhileTypingWithoutLeavingPiecesOfTheOldOne() throws Exception {
        try (var juno = Chatter.open("Juno"); var kit = Chatter.open("Kit")) {
            juno.type("/invite " + kit.name());
            String waiting = juno.name() + " in scene with nobody yet> ";
            juno.press("hel");
            juno.seesPrompt(waiting + "hel");

            kit.sees(row -> row.contains("/accept 1"));
            kit.type("/accept 1");
            juno.sees(row -> row.equals(kit.name() + " joined the scene."));
            juno.seesPrompt(juno.name() + " in scene with " + kit.name() + "> hel");
            assertThat(juno.screen.rows()).noneMatch(row -> row.contains("yet> ") && !row.startsWith(waiting));

            juno.type("lo");
            kit.sees(row -> row.endsWith(juno.name() + ": hello"));
        }
    }

    @Test
    void aSafewordClearsTheSceneFromTheScreenAndTheScrollbackOfEveryone() throws Exception {
        try (var juno = Chatter.open("Juno"); var kit = Chatter.open("Kit")) {
            juno.type("/invite " + kit.name());
            kit.sees(row -> row.contains("/accept 1"));
            kit.type("/accept 1");
            juno.sees(row -> row.equals(kit.name() + " joined the scene."));
            kit.type("Lead the way.");
            juno.sees(row -> row.endsWith(kit.name() + ": Lead the way."));

            juno.type("/safeword");
            juno.sees(row -> row.startsWith("You used the safeword: the scene with " + kit.name() + " is over for everyone and gone from this screen"));
            kit.sees(row -> row.startsWith("The scene with " + juno.name() + " is over: someone used the safeword."));
            for (Chatter both : new Chatter[] {juno, kit}) {
                assertThat(both.screen.rows()).noneMatch(row -> row.contains("Lead the way") || row.contains("joined the scene"));
                String written = both.screen.written();
                String afterTheScene = written.substring(written.lastIndexOf("Lead the way."));
                assertThat(afterTheScene).contains("\033[2J").contains("\033[3J");
            }
        }
    }

    @Test
    void warningsShowWhetherWaitingAtConnectionOrLiveAndASuspensionSaysWhyAndUntilWhen() throws Exception {
        TestServer.User user = server.register("sam");
        assertThat(server.admin("warn", user.username(), "--reason", "keep it civil")).isZero();
        try (var sam = Chatter.open(user, "Sam")) {
            sam.sees(row -> row.startsWith("!! A moderator warned this account (") && row.endsWith("): keep it civil"));

            assertThat(server.admin("warn", user.username(), "--reason", "last warning")).isZero();
            sam.sees(row -> row.startsWith("!! A moderator warned this account (") && row.endsWith("): last warning"));

            assertThat(server.admin("suspend", user.username(), "--hours", "2", "--reason", "cool down")).isZero();
            sam.sees(row -> row.matches("!! A moderator suspended this account until \\w{3} \\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d: cool down"));
            sam.sees(row -> row.equals("The server closed the connection: this account cannot connect for now. /quit leaves the chat."));
        }
    }

    /** One person running the chat in a terminal of their own, with a device directory removed at the end. */
    private record Chatter(String name, VirtualTerminal screen, TrystClient client, Path device, Thread chat) implements AutoCloseable {
        /** A new account at a terminal that types a persona into being. */
        static Chatter open(String base) throws Exception {
            return open(server.register(base.toLowerCase()), base);
        }

        static Chatter open(TestServer.User user, String base) throws Exception {
            Path device = Files.createTempDirectory("tryst-terminal");
            TrystClient client = TrystClient.open(URI.create(server.origin()), user.token(), device);
            VirtualTerminal screen = new VirtualTerminal();
            Thread chat = Thread.ofPlatform().name("chat-" + user.username()).start(() -> {
                try {
                    Chat.talk(screen.terminal(), client, device);
                } catch (Exception ended) {
                    throw new IllegalStateException(ended);
                }
            });
            Chatter chatter = new Chatter(TestServer.uniqueName(base), screen, client, device, chat);
            chatter.sees(row -> row.endsWith("/help lists the commands."));
            chatter.type("/persona new " + chatter.name());
            chatter.sees(row -> row.equals("You speak as " + chatter.name() + "."));
            return chatter;
        }

        void type(String line) {
            screen.type(line);
        }

        void press(String keys) {
            screen.press(keys);
        }

        void sees(Predicate<String> row) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(screen.rows()).anyMatch(row));
        }

        /** The row being typed on reads exactly this: the prompt and what was typed, nothing more. */
        void seesPrompt(String exactly) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(screen.promptRow()).isEqualTo(exactly));
        }

        @Override
        public void close() throws Exception {
            screen.type("/quit");
            chat.join(PATIENCE);
            client.close();
            screen.close();
            try (Stream<Path> files = Files.walk(device)) {
                files.sorted(Comparator.reverseOrder()).forEach(Chatter::delete);
            }
        }

        private static void delete(Path file) {
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
