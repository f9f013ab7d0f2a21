package org.tryst.statuses;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.cluster.Sight;
import org.tryst.personas.Persona;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.storage.Sql;

/**
 * Who is typing in a channel or a world room, passed on at once to those there who may hear the
 * persona and share typing, and never stored. An account that turned sharing off sends none and is
 * sent none; which accounts did is kept in memory on every process, read once at start.
 */
public final class Typing {
    /** The soonest a client may say again that a persona is typing in the same place. */
    static final Duration RENEWAL = Duration.ofSeconds(2);
    private static final String CACHE = "typing";

    private final Sql sql;
    private final Delivery delivery;
    private final Clock clock;
    private final Set<String> unshared = ConcurrentHashMap.newKeySet();
    /** When each persona last said it was typing in each place, on this process. */
    private final Cache<String, Long> started = Caffeine.newBuilder().expireAfterWrite(RENEWAL).maximumSize(100_000).build();

    public Typing(Sql sql, Delivery delivery, Clock clock) {
        this.sql = sql;
        this.delivery = delivery;
        this.clock = clock;
        reload(null);
        delivery.cache(CACHE, this::reload);
        delivery.typingSharedBy(this::shares);
    }

    /** Whether the account shares typing, both ways. */
    public boolean shares(String accountId) {
        return !unshared.contains(accountId);
    }

    /** The account turns sharing typing on or off, for all its devices on every process. */
    public void share(String accountId, boolean share) {
        sql.useHandle(handle -> {
            if (share) handle.createUpdate("DELETE FROM typing_unshared WHERE account_id = :account").bind("account", accountId).execute();
            else handle.createUpdate("INSERT INTO typing_unshared (account_id) VALUES (:account) ON CONFLICT DO NOTHING")
                    .bind("account", accountId).execute();
        });
        if (share) unshared.remove(accountId);
        else unshared.add(accountId);
        delivery.publishElsewhere(new Event.Changed(CACHE, accountId));
    }

    /**
     * The persona is typing, or stopped, in a place it may speak in: those there hear of it. A start
     * sooner than {@link #RENEWAL} after the last is refused and nobody hears it.
     */
    void typing(Persona persona, Audience place, String channel, String room, boolean typing) {
        if (!shares(persona.accountId())) return;
        String key = persona.id() + " " + place;
        long now = clock.millis();
        if (typing) {
            Long last = started.asMap().putIfAbsent(key, now);
            if (last != null && now - last < RENEWAL.toMillis()) {
                throw new ProtocolException(ErrorCode.RATE_LIMITED, "typing was said a moment ago", RENEWAL.toMillis() - (now - last));
            }
            started.put(key, now);
        } else {
            started.invalidate(key);
        }
        delivery.publish(new Event.Tell(place, new ServerMessage.Typing(channel, room, persona.id(), typing), Sight.typing(persona.id())));
    }

    /** Reads which accounts turned sharing off: all of them (null), or one that changed on another process. */
    private void reload(String accountId) {
        if (accountId == null) {
            Set<String> stored = Set.copyOf(sql.withHandle(handle -> handle.createQuery("SELECT account_id FROM typing_unshared")
                    .mapTo(String.class).list()));
            unshared.retainAll(stored);
            unshared.addAll(stored);
            return;
        }
        boolean off = sql.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM typing_unshared WHERE account_id = :account")
                .bind("account", accountId).mapTo(Integer.class).one()) > 0;
        if (off) unshared.add(accountId);
        else unshared.remove(accountId);
    }
}
