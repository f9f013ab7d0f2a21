package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** The reader tells each change of the line being typed, once, as a person's keys come: what typing is said from. */
class EditingReaderTest {
    private final PipedOutputStream keys = new PipedOutputStream();
    private final List<String> edits = new CopyOnWriteArrayList<>();

    @Test
    void eachKeyThatChangesTheLineIsToldOnce() throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(false).streams(new PipedInputStream(keys), new ByteArrayOutputStream())
                .type("xterm").encoding(StandardCharsets.UTF_8).build()) {
            EditingReader reader = new EditingReader(terminal, Map.of(), edits::add);
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> reader.readLine("> "));
            press("h", List.of("h"));
            press("i", List.of("h", "hi"));
            press("\u007f", List.of("h", "hi", "h")); // backspace
            press("o", List.of("h", "hi", "h", "ho"));
            press("\u0002", List.of("h", "hi", "h", "ho")); // Ctrl-B moves the cursor: the line is the same
            press("\r", List.of("h", "hi", "h", "ho"));
            assertThat(line.get(5, TimeUnit.SECONDS)).isEqualTo("ho");
        }
    }

    private void press(String key, List<String> told) throws IOException, InterruptedException {
        keys.write(key.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!edits.equals(told) && System.nanoTime() < deadline) Thread.sleep(10);
        Thread.sleep(50); // nothing more comes of the key
        assertThat(edits).isEqualTo(told);
    }
}
