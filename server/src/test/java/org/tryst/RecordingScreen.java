package org.tryst;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tryst.client.chat.Screen;

/** The terminal chat's screen in tests: every line it shows, kept in order for the test to read; a wipe leaves only its own line. */
public final class RecordingScreen implements Screen {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** The lines on the screen now, as they change. */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void show(String line) {
        lines.add(line);
    }

    @Override
    public void wipe(String line) {
        lines.clear();
        lines.add(line);
    }
}
