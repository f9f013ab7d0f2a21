package org.tryst.client.chat;

import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.utils.Curses;
import org.jline.utils.InfoCmp.Capability;

/**
 * The chat's screen in a terminal: lines go above the line being typed, and the prompt keeps up
 * with where the person is. Every line is made {@link TerminalText#printable} on its way out.
 */
final class TerminalScreen implements Screen {
    /**
     * Erases the scrollback (ED 3, from xterm and the Linux console; tmux, VTE, iTerm2, kitty and
     * Windows Terminal have it too). Terminals without it ignore it. It follows the clear, because
     * some terminals push the cleared screen into the scrollback.
     */
    private static final String ERASE_SCROLLBACK = "\033[3J";

    private final LineReaderImpl reader;
    private volatile String prompt = "";
    private volatile String status = "";

    /** The reader's implementation, because only it can change the prompt of a line being typed. */
    TerminalScreen(LineReaderImpl reader) {
        this.reader = reader;
    }

    @Override
    public void show(String line) {
        reader.printAbove(TerminalText.printable(line));
    }

    /**
     * Clears the screen and its scrollback and shows the line at the top, the line being typed below
     * it. The reader's own printing does it, so that it knows the screen is clear and redraws the
     * prompt in full. A terminal that cannot clear (a dumb one) only gets the line.
     */
    @Override
    public void wipe(String line) {
        String clear = reader.getTerminal().getStringCapability(Capability.clear_screen);
        String shown = TerminalText.printable(line);
        reader.printAbove(clear == null ? shown : Curses.tputs(clear) + ERASE_SCROLLBACK + shown);
    }

    /** Reads the next line behind a prompt. */
    String read(String prompt) {
        this.prompt = prompt;
        return reader.readLine(prompt);
    }

    /**
     * Redraws the prompt when something that arrived moved the person, into a scene or out of one,
     * while they type. Redisplaying compares with what is on the screen and erases what the new
     * prompt no longer covers; resetting the display first (redraw-line) would make it forget the
     * old prompt and leave its tail behind.
     */
    synchronized void refresh(String current) {
        refresh(current, status);
    }

    /**
     * Redraws the prompt, and the status area at the right of the line being typed (who is typing
     * here), when either changed.
     */
    synchronized void refresh(String current, String typing) {
        if (current.equals(prompt) && typing.equals(status)) return;
        prompt = current;
        status = typing;
        reader.setPrompt(current);
        reader.setRightPrompt(TerminalText.printable(typing));
        try {
            reader.callWidget(LineReader.REDISPLAY);
        } catch (IllegalStateException notReading) {
            // the line was just finished: the next read shows the new prompt
        }
    }
}
