package org.tryst.cluster;

/** This process's end of the bus: where every event is delivered, and who is told when events may have been lost. */
public interface Receiver {
    /** Delivers one event to this process's sockets and caches; events from one publisher arrive in their order. */
    void receive(Event event);

    /**
     * The bus is connected again after a time in which events from other processes may have been
     * lost: what is ordered is caught up from the database, and presence is asked for again.
     */
    void resumed();
}
