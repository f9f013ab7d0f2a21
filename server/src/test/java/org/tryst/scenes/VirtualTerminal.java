package org.tryst.scenes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.builtins.ScreenTerminal;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * An xterm in memory for the terminal chat: keys are typed into it, and everything the chat writes
 * is kept, byte for byte, and rendered by JLine's VT100 screen emulator to the rows a person sees.
 * The emulator keeps no scrollback it lets go of, so what it shows is the screen alone.
 */
final class VirtualTerminal implements AutoCloseable {
    static final int COLUMNS = 120;
    static final int ROWS = 40;

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final Terminal terminal;

    VirtualTerminal() {
        try {
            PipedInputStream typed = new PipedInputStream(keys, 64 * 1024);
            terminal = TerminalBuilder.builder().system(false).streams(typed, written).type("xterm-256color")
                    .size(new Size(COLUMNS, ROWS)).encoding(StandardCharsets.UTF_8).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Terminal terminal() {
        return terminal;
    }

    /** Types keys without pressing Enter. */
    void press(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Types a line and presses Enter. */
    void type(String line) {
        press(line + "\r");
    }

    /** Everything written to the terminal so far, escape sequences included. */
    String written() {
        return written.toString(StandardCharsets.UTF_8);
    }

    /** The screen as it stands: one string per row, without trailing spaces. */
    List<String> rows() {
        ScreenTerminal screen = new ScreenTerminal(COLUMNS, ROWS);
        screen.write(written());
        return screen.toString().lines().map(String::stripTrailing).toList();
    }

    /** The row the cursor is on when the chat waits for a line: the last row that is not blank. */
    String promptRow() {
        return rows().reversed().stream().filter(row -> !row.isBlank()).findFirst().orElse("");
    }

    @Override
    public void close() throws IOException {
        keys.close();
        terminal.close();
    }
}
