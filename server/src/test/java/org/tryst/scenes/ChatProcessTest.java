package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.accounts.Authenticator;
import org.tryst.client.chat.Chat;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.HttpApi;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.Wire;

/** {@code ./tryst chat} as a process of its own, its keyboard a pipe: leaving it ends its session on the server. */
class ChatProcessTest {
    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final TestServer server = TestServer.sqlite().with(CLOCK);
    @TempDir
    Path dir;

    @Test
    void quittingTheChatLogsItsSessionOut() throws Exception {
        TestServer.User user = server.register("leaver");
        Process chat = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), Chat.class.getName(),
                "--server", server.origin(), "--user", user.username(), "--data", dir.resolve("device").toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("screen.txt").toFile()).start();
        try (OutputStream keyboard = chat.getOutputStream()) {
            keyboard.write((TestServer.PASSWORD + "\n/quit\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!chat.waitFor(2, TimeUnit.MINUTES)) {
            chat.destroyForcibly().waitFor();
            throw new AssertionError("the chat did not end: " + Files.readString(dir.resolve("screen.txt")));
        }
        assertThat(chat.exitValue()).as(Files.readString(dir.resolve("screen.txt"))).isZero();
        assertThat(Files.readString(dir.resolve("screen.txt"))).contains("Goodbye.");

        // The chat's own session is gone: only the one the test registered with is left.
        assertThat(server.post("/api/tickets", Map.of(), user.token()).statusCode()).isEqualTo(200);
        assertThat(sessionsOf(user)).isEqualTo(1);
    }

    @Test
    void anAccountWithAnAuthenticatorAppLogsInWithItsCode() throws Exception {
        HttpApi.LoggedIn registered = TestServer.read(server.post("/api/register", Map.of("username", TestServer.uniqueName("coded"),
                "password", TestServer.PASSWORD, "adult", true), null).body(), HttpApi.LoggedIn.class);
        Authenticator.Protected account = Authenticator.protect(server, CLOCK, registered);
        CLOCK.advance(java.time.Duration.ofSeconds(30)); // the confirming code's step is used up
        Process chat = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), Chat.class.getName(),
                "--server", server.origin(), "--user", account.username(), "--data", dir.resolve("device").toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("screen.txt").toFile()).start();
        String right = Authenticator.code(account.secret(), CLOCK);
        try (OutputStream keyboard = chat.getOutputStream()) {
            keyboard.write((TestServer.PASSWORD + "\n" + (right.equals("000000") ? "111111" : "000000") + "\n" + right + "\n/quit\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (!chat.waitFor(2, TimeUnit.MINUTES)) {
            chat.destroyForcibly().waitFor();
            throw new AssertionError("the chat did not end: " + Files.readString(dir.resolve("screen.txt")));
        }
        String screen = Files.readString(dir.resolve("screen.txt"));
        assertThat(chat.exitValue()).as(screen).isZero();
        assertThat(screen).contains("Code from your authenticator app").contains("That code is wrong").contains("Goodbye.");
    }

    private static int sessionsOf(TestServer.User user) {
        try (Wire wire = server.connect(user)) {
            wire.send(new ClientMessage.SessionsList(wire.nextId()));
            return wire.expect(ServerMessage.Sessions.class).sessions().size();
        }
    }
}
