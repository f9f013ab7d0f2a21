package org.tryst.requests;

import org.tryst.cluster.Caller;
import org.tryst.protocol.ClientMessage;

/**
 * A check of the one request policy, which every request passes before any capability sees it,
 * whichever transport it came from: mutes, per-action limits, later the wellbeing limits. A
 * capability adds its gate in the composition root, without touching any transport.
 */
public interface Gate {
    /** Throws a {@code ProtocolException} to refuse the request; returns to let it through. */
    void admit(Caller caller, ClientMessage request);
}
