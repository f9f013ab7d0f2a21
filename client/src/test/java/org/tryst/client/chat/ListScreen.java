package org.tryst.client.chat;

import java.util.List;

/** A screen that keeps its lines in a list, as a terminal shows them: a wipe leaves only its own line. */
record ListScreen(List<String> lines) implements Screen {
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
