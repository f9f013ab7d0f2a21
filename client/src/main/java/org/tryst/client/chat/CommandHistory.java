package org.tryst.client.chat;

import java.time.Instant;
import org.jline.reader.impl.history.DefaultHistory;

/** The line history, keeping commands only: what people say stays out of it, and out of its file. */
final class CommandHistory extends DefaultHistory {
    @Override
    public void add(Instant time, String line) {
        if (Commands.worthRemembering(line)) super.add(time, line);
    }
}
