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
import org.tryst.TestServer;
import org.tryst.client.chat.Chat;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.Wire;

/** {@code ./tryst chat} as a process of its own, its keyboard a pipe: leaving it ends its session on the server. */
class ChatProcessTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
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

    private static int sessionsOf(TestServer.User user) {
        try (Wire wire = server.connect(user)) {
            wire.send(new ClientMessage.SessionsList(wire.nextId()));
            return wire.expect(ServerMessage.Sessions.class).sessions().size();
        }
    }
}
