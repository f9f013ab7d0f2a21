package org.tryst.cluster;

/**
 * Carries events to the sockets of every process: {@link LocalBus} when there is one process,
 * {@code NatsBus} between several. Publishing delivers to this process's sockets at once, on the
 * publishing thread, and to the other processes' as soon as the bus can; it never blocks on them.
 * The bus carries only live delivery: everything that must survive is in the database first.
 */
public interface Bus extends AutoCloseable {
    /** Delivers an event here and on every other process. */
    void publish(Event event);

    /** Delivers an event on every other process only: news of a change this process has already made to its own memory. */
    void publishElsewhere(Event event);

    /** This process's name among the processes sharing the database. */
    String node();

    /** Whether events reach the other processes now; the one-process bus always does. */
    boolean connected();

    @Override
    void close();
}
