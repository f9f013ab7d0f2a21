package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.RecordingScreen;
import org.tryst.TestServer;
import org.tryst.client.TrystClient;
import org.tryst.client.chat.ClientBackend;
import org.tryst.client.chat.Commands;
import org.tryst.client.chat.Feeds;
import org.tryst.client.chat.Shell;
import org.tryst.testkit.Scratch;

/**
 * Two people at the terminal chat against a real server, typing what a person types: personas, a
 * channel, an invitation, an end-to-end encrypted scene, safety numbers, the timer and leaving;
 * boundaries, an agreement and the safeword word.
 */
class TerminalChatTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    @Test
    void twoPeopleMeetInAChannelAndTalkInAScene() throws Exception {
        try (var juno = Terminal.open("Juno"); var kit = Terminal.open("Kit")) {
            juno.type("/join harbour");
            kit.type("/join harbour");
            juno.type("hello, harbour");
            kit.sees(line -> line.endsWith(juno.name() + ": hello, harbour"));
            kit.type("/me tips her hat");
            juno.sees(line -> line.endsWith("* " + kit.name() + " tips her hat"));

            juno.type("/invite " + kit.name() + " a walk on the pier?");
            kit.sees(line -> line.contains("a walk on the pier?") && line.contains("/accept 1"));
            kit.type("/accept 1");
            kit.sees(line -> line.startsWith("You are in the scene with " + juno.name()));
            juno.sees(line -> line.equals(kit.name() + " joined the scene."));
            kit.type("Lead the way.");
            juno.sees(line -> line.endsWith(kit.name() + ": Lead the way."));
            juno.type("This way.");
            kit.sees(line -> line.endsWith(juno.name() + ": This way."));

            juno.type("/safety " + kit.name());
            kit.type("/safety " + juno.name());
            assertThat(juno.safetyNumber()).isEqualTo(kit.safetyNumber()).hasSize(3 * 23 + 2);

            juno.type("/timer 1h");
            kit.sees(line -> line.contains("disappear after 1h"));
            kit.type("/leave");
            juno.sees(line -> line.equals(kit.name() + " left the scene."));
            assertThat(juno.shell.prompt()).contains("scene with nobody yet");
        }
    }

    @Test
    void twoPeopleAgreeOnTopicsAndTheSafewordWordEndsTheScene() throws Exception {
        try (var juno = Terminal.open("Juno"); var kit = Terminal.open("Kit")) {
            juno.type("/boundaries set pain yes");
            kit.type("/boundaries set pain no");
            kit.type("/boundaries set praise yes");
            juno.type("/boundaries " + kit.name());
            juno.sees(line -> line.contains("Pain") && line.contains("!! one says no, the other yes"));

            juno.type("/invite " + kit.name() + " topics=praise,pain safeword=lantern tea?");
            kit.sees(line -> line.equals("    Proposes Praise, Pain (!! you said no); safeword \u201clantern\u201d."));
            kit.type("/accept 1");
            String agreed = "Agreed by " + juno.name() + ", " + kit.name() + ": Praise, Pain. The safeword is \u201clantern\u201d";
            kit.sees(line -> line.startsWith(agreed));
            juno.sees(line -> line.startsWith(agreed));

            kit.type("LANTERN");
            kit.sees(line -> line.startsWith("You used the safeword"));
            juno.sees(line -> line.contains("is over: someone used the safeword"));
            assertThat(juno.screen()).noneMatch(line -> line.endsWith(kit.name() + ": LANTERN") || line.startsWith(agreed));
        }
    }

    @Test
    void aTranscriptIsSavedOnlyOnceBothAgreeAndIsMarkedAsItsOwners() throws Exception {
        try (var juno = Terminal.open("Juno"); var kit = Terminal.open("Kit")) {
            juno.meetInScene(kit);
            juno.type("Shall we keep this?");
            kit.sees(line -> line.endsWith(juno.name() + ": Shall we keep this?"));

            juno.type("/transcript ask");
            kit.sees(line -> line.startsWith(juno.name() + " asks to keep a transcript of this scene"));
            var file = Scratch.directory("tryst-export").resolve("scene.txt");
            kit.type("/export " + file);
            kit.sees(line -> line.startsWith("Not everyone in this scene agrees to keeping a transcript"));
            assertThat(file).doesNotExist();
            kit.type("/transcript agree");
            juno.sees(line -> line.equals(kit.name() + " agrees to keeping a transcript."));
            kit.sees(line -> line.startsWith("Everyone agrees: /export FILE"));
            kit.type("/export " + file);
            kit.sees(line -> line.startsWith("Saved the transcript to " + file));
            String copy = Files.readString(file);
            assertThat(copy.replaceAll("[\u200B\u200C\u200D\u2060]", "")).contains("for " + kit.name() + " only.",
                    juno.name() + ": Shall we keep this?");
            assertThat(org.tryst.protocol.InvisibleMark.find(copy)).isNotEmpty();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void aLineOfASceneIsReportedFromTheTerminalAndAModeratorActsOnIt() throws Exception {
        try (var juno = Terminal.open("juno"); var kit = Terminal.open("kit"); var sam = Terminal.account("sam")) {
            juno.meetInScene(kit);
            juno.type("say yes or else");
            kit.sees(line -> line.endsWith(juno.name() + ": say yes or else"));
            kit.type("/report 1 threat");
            kit.sees(line -> line.contains("(threat): verified by the server; open."));

            assertThat(server.admin("role", sam.username(), "moderator")).isZero();
            sam.type("/queue");
            sam.sees(line -> line.equals("1. [verified] " + juno.name() + " in a private scene: \u201csay yes or else\u201d (threat)"));
            sam.type("/moderate 1 mute 24");
            sam.sees(line -> line.startsWith("Done: mute for 24 h on report 1."));
            kit.type("/reports");
            kit.sees(line -> line.contains("(threat): verified by the server; actioned."));
        }
    }

    /**
     * One person at a terminal: the shell over a real client, with a screen that records every line,
     * and the name of the persona it made (null for none).
     */
    private record Terminal(String username, String name, TrystClient client, Shell shell, Feeds feeds, List<String> screen)
            implements AutoCloseable {
        /** A new account at a terminal, with no persona yet. */
        static Terminal account(String username) throws Exception {
            return open(username, null);
        }

        /** A new account at a terminal that types a persona into being, named uniquely after the base. */
        static Terminal open(String base) throws Exception {
            Terminal terminal = open(base.toLowerCase(), TestServer.uniqueName(base));
            terminal.type("/persona new " + terminal.name());
            return terminal;
        }

        private static Terminal open(String username, String persona) throws Exception {
            TestServer.User user = server.register(username);
            TrystClient client = TrystClient.open(URI.create(server.origin()), user.token(), Scratch.directory("tryst-chat"));
            RecordingScreen recording = new RecordingScreen();
            List<String> screen = recording.lines();
            Shell shell = Shell.create(new ClientBackend(client), recording, Clock.systemDefaultZone());
            shell.start();
            return new Terminal(user.username(), persona, client, shell, Feeds.start(client, shell, () -> {}), screen);
        }

        void type(String line) {
            shell.run(Commands.parse(line));
        }

        /** Invites the other terminal's persona, which accepts: the two are then in one scene. */
        void meetInScene(Terminal other) throws InterruptedException {
            type("/invite " + other.name());
            other.sees(line -> line.contains("/accept 1"));
            other.type("/accept 1");
            sees(line -> line.equals(other.name() + " joined the scene."));
        }

        void sees(Predicate<String> line) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (screen.stream().anyMatch(line)) return;
                Thread.sleep(20);
            }
            throw new AssertionError("not on the screen within 10 s; the screen was:\n" + String.join("\n", screen));
        }

        /** The last safety number shown, its three lines joined. */
        String safetyNumber() {
            List<String> lines = screen.stream().filter(line -> line.matches("\\s+(\\d{5} ){3}\\d{5}")).map(String::strip).toList();
            return String.join(" ", lines.subList(lines.size() - 3, lines.size()));
        }

        @Override
        public void close() {
            feeds.close();
            client.close();
        }
    }
}
