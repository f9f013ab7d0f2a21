package org.tryst.bench.servers;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A process this benchmark started itself (through {@code taskset}, which execs, so its PID is the
 * server's), stopped with SIGTERM and then, after 15 seconds, SIGKILL.
 */
record StartedProcess(String name, Process process) implements ServerProcess {
    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Running.Cpu cpu() throws IOException {
        return Running.Cpu.of(pid(), false);
    }

    @Override
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void kill() {
        process.destroyForcibly();
    }
}
