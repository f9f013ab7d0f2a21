package org.tryst.bench.scenario;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where a scenario runs: the work directory for servers' state and logs, the CPUs servers are
 * pinned to (a taskset list, or null), and where progress is reported.
 */
public record Context(Path work, String serverCpus, PrintStream progress) {
    void say(String format, Object... arguments) {
        progress.printf(format + "%n", arguments);
        progress.flush();
    }
}
