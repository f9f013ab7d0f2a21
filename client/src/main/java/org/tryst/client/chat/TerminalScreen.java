package org.tryst.client.chat;

import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;

/** The chat's screen in a terminal: lines go above the line being typed, and the prompt keeps up with where the person is. */
final class TerminalScreen implements Screen {
    private final LineReaderImpl reader;
    private volatile String prompt = "";

    /** The reader's implementation, because only it can change the prompt of a line being typed. */
    TerminalScreen(LineReaderImpl reader) {
        this.reader = reader;
    }

    @Override
    public void show(String line) {
        reader.printAbove(line);
    }

    /** Reads the next line behind a prompt. */
    String read(String prompt) {
        this.prompt = prompt;
        return reader.readLine(prompt);
    }

    /** Redraws the prompt when something that arrived moved the person, into a scene or out of one, while they type. */
    synchronized void refresh(String current) {
        if (current.equals(prompt)) return;
        prompt = current;
        reader.setPrompt(current);
        try {
            reader.callWidget(LineReader.REDRAW_LINE);
            reader.callWidget(LineReader.REDISPLAY);
        } catch (IllegalStateException notReading) {
            // the line was just finished: the next read shows the new prompt
        }
    }
}
