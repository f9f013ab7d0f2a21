package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.tryst.TestServer;
import org.tryst.client.SceneEvent;
import org.tryst.protocol.Views;

/**
 * The promise of private scenes, checked: a unique phrase said in a scene appears nowhere on the
 * server, in any form, neither in any file under its data directory (or the PostgreSQL cluster's)
 * nor in any log line. Runs on SQLite and on PostgreSQL.
 */
abstract class SceneCanaryContract {
    abstract TestServer server();

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        root().addAppender(logs);
        root().setLevel(ch.qos.logback.classic.Level.DEBUG);
    }

    @AfterEach
    void releaseLogs() {
        root().detachAppender(logs);
        root().setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @Test
    void aPhraseSaidInASceneIsNowhereOnTheServer() throws Exception {
        String canary = "canary " + UUID.randomUUID() + " lilac harbour";
        TestServer server = server();
        try (var alice = SceneMember.join(server, "Alice"); var bob = SceneMember.join(server, "Bob")) {
            Views.Scene scene = alice.client().createScene(alice.persona().id());
            alice.client().invite(scene.id(), alice.persona().id(), bob.persona().id(), "tea?");
            bob.client().accept(bob.next(SceneEvent.Invited.class).invitation().id());
            bob.next(SceneEvent.Joined.class);
            alice.client().say(scene.id(), canary);
            assertThat(bob.next(SceneEvent.Said.class).text()).isEqualTo(canary);
            bob.client().say(scene.id(), canary);
            assertThat(alice.next(SceneEvent.Said.class).text()).isEqualTo(canary);
        }
        List<byte[]> forms = forms(canary);
        for (Path directory : server.storageDirectories()) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] content = Files.readAllBytes(file);
                    for (byte[] form : forms) assertThat(indexOf(content, form)).as(file + " holds the canary").isEqualTo(-1);
                }
            }
        }
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage() + " " + event.getKeyValuePairs();
            for (byte[] form : forms) assertThat(line).doesNotContain(new String(form, StandardCharsets.UTF_8));
        }
    }

    /** The phrase as UTF-8, base64 and hex: the shapes in which a careless server would keep it. */
    private static List<byte[]> forms(String canary) {
        byte[] utf8 = canary.getBytes(StandardCharsets.UTF_8);
        List<byte[]> forms = new ArrayList<>();
        forms.add(utf8);
        forms.add(Base64.getEncoder().encodeToString(utf8).getBytes(StandardCharsets.US_ASCII));
        forms.add(HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
        forms.add(canary.substring(7, 43).getBytes(StandardCharsets.UTF_8)); // the unique part alone
        return forms;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
