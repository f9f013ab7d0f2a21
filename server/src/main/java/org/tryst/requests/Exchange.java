package org.tryst.requests;

import java.util.concurrent.CompletableFuture;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Outbox;

/** A socket that requests arrive on, as the dispatcher sees it: who sent them, and where their answers go. */
public interface Exchange extends Outbox {
    /** Who is on this socket; set once its hello was accepted. */
    Caller caller();

    /** A reply that comes when {@code reply} completes; a close of this socket waits until then. */
    void owe(CompletableFuture<?> reply);
}
