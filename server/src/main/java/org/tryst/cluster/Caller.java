package org.tryst.cluster;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tryst.protocol.Presence;

/**
 * One authenticated socket as the capabilities see it, whatever its transport: whose it is, from
 * where, the device it speaks for and the personas it is online as. Capabilities read it; what it
 * is online as and follows changes only through {@link Delivery}, which owns that.
 */
public final class Caller {
    private final String id;
    private final String accountId;
    private final String sessionId;
    private final String address;
    final Outbox outbox;
    /** The personas this socket is online as, with the status it set for each. */
    final Map<String, Presence> personas = new ConcurrentHashMap<>();
    /** The channels and rooms this socket follows, each as the personas through which it does. */
    final Map<Audience, Set<String>> followed = new ConcurrentHashMap<>();
    volatile String device;

    Caller(String id, Outbox outbox, String accountId, String sessionId, String address) {
        this.id = id;
        this.outbox = outbox;
        this.accountId = accountId;
        this.sessionId = sessionId;
        this.address = address;
    }

    /** Names this socket among every process's, so that an event can leave it out. */
    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String sessionId() {
        return sessionId;
    }

    /** The client's address, for the limits that hold per address. */
    public String address() {
        return address;
    }

    /** The device this socket speaks for in scenes, or null before {@code device.attach}. */
    public String device() {
        return device;
    }

    /** The personas this socket is online as, as it stands now. */
    public Set<String> personasInUse() {
        return Collections.unmodifiableSet(personas.keySet());
    }

    /** A short id for logs, which never names the account. */
    public String logId() {
        return outbox.logId();
    }
}
