package org.tryst.bench.servers;

import java.io.IOException;

/**
 * One operating-system process of a running system (a server, nats-server, PostgreSQL): its name
 * in the report, its CPU time so far, and how to stop it, by its own PID only.
 */
sealed interface ServerProcess permits StartedProcess, Postgresql {
    String name();

    long pid();

    /** CPU time used so far, read from /proc. */
    Running.Cpu cpu() throws IOException;

    /** Stops it in an orderly way, forcibly when it does not stop in time. */
    void stop() throws InterruptedException;

    /** Stops it at once: the benchmark itself is being stopped (Ctrl-C). */
    void kill();
}
