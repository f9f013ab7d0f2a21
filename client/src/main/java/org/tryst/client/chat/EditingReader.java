package org.tryst.client.chat;

import java.util.Map;
import java.util.function.Consumer;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

/**
 * The terminal's line reader, telling whenever the line being typed changed: it is redrawn after
 * every key, so the redraw is where any edit (typed, deleted, yanked, recalled) shows. Keys that
 * arrive together (a paste) are redrawn, and told, once; a redraw with the line unchanged (a line
 * printed above, the cursor moved) tells nothing.
 */
final class EditingReader extends LineReaderImpl {
    private final Consumer<String> edited;
    private String last = "";

    /** {@code edited} runs on the reading thread, holding the reader's lock: it must return at once. */
    EditingReader(Terminal terminal, Map<String, Object> variables, Consumer<String> edited) {
        this.edited = edited;
        super(terminal, "tryst", variables);
    }

    @Override
    protected void redisplay(boolean flush) {
        super.redisplay(flush);
        String now = buf.toString();
        synchronized (this) {
            if (now.equals(last)) return;
            last = now;
        }
        edited.accept(now);
    }
}
