package org.tryst.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.tryst.config.Config;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.safety.BucketStore;
import org.tryst.safety.Buckets;
import org.tryst.storage.Ids;
import org.tryst.storage.Sql;

/**
 * Session tokens and socket tickets. Both are random secrets handed to the client once, and the
 * server keeps only their SHA-256, which is enough for 256-bit random values. Both live in the
 * database, so that a ticket fetched from one server process opens a socket on any other sharing it;
 * a ticket lives a minute at most and costs one statement to issue and one to redeem.
 */
public final class Sessions {
    /** How often at most a session's last-seen time is written, to spare the database. */
    private static final long LAST_SEEN_GRANULARITY_MS = 60_000;

    private static final RowMapper<Session> ROW = (rs, ctx) -> new Session(rs.getString("id"),
            rs.getString("account_id"), rs.getLong("created_at"), rs.getLong("last_seen_at"), rs.getLong("expires_at"),
            rs.getString("user_agent"));

    private final Sql sql;
    private final Clock clock;
    private final Duration ttl;
    private final Duration idle;
    private final Duration ticketTtl;
    /** Tickets fetched per session, which also bounds how many rows one session can add to the table. */
    private final Buckets ticketsBySession;

    /** An unredeemed ticket: the session it opens and when it expires. */
    private record PendingTicket(String sessionId, long expiresAt) {}

    public Sessions(Sql sql, Config.Accounts accounts, Config.Gateway gateway, Config.RateLimits limits, BucketStore buckets,
                    Clock clock) {
        this.sql = sql;
        this.clock = clock;
        this.ttl = Duration.ofDays(accounts.sessionTtlDays());
        this.idle = Duration.ofDays(accounts.sessionIdleDays());
        this.ticketTtl = Duration.ofSeconds(gateway.ticketTtlSeconds());
        this.ticketsBySession = buckets.per("ticket.session", limits.ticketsPerMinutePerSession(), Duration.ofMinutes(1));
    }

    /** A new session and the token that proves it, given to the client once. */
    public record Issued(Session session, String token) {}

    /** Ends every session of an account, in the caller's transaction: a moderator's suspension or ban. */
    public static void endAll(Handle handle, String accountId) {
        handle.createUpdate("DELETE FROM sessions WHERE account_id = :account").bind("account", accountId).execute();
    }

    /** A single-use ticket that opens one WebSocket for a session. */
    public record Ticket(String ticket, long expiresAt) {}

    /** Opens a session for an account. */
    public Issued open(String accountId, String userAgent) {
        long now = clock.millis();
        Session session = new Session(Ids.random(), accountId, now, now, now + ttl.toMillis(), clip(userAgent));
        String token = Ids.secret();
        sql.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO sessions (id, account_id, token_hash, created_at, last_seen_at, expires_at, user_agent)
                        VALUES (:id, :accountId, :hash, :createdAt, :lastSeenAt, :expiresAt, :userAgent)""")
                .bindMethods(session)
                .bind("hash", hash(token))
                .execute());
        return new Issued(session, token);
    }

    /** The live session a token proves, noting that it was seen; empty when unknown, expired or idle too long. */
    public Optional<Session> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) return Optional.empty();
        Optional<Session> found = sql.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM sessions WHERE token_hash = :hash")
                .bind("hash", hash(token))
                .map(ROW)
                .findOne());
        return found.filter(this::live).map(this::seen);
    }

    /** The session by id, if it is still live. */
    public Optional<Session> live(String sessionId) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM sessions WHERE id = :id")
                        .bind("id", sessionId)
                        .map(ROW)
                        .findOne())
                .filter(this::live);
    }

    /** Which of the given session ids still exist; the rest have been revoked or swept. */
    public Set<String> existing(Collection<String> sessionIds) {
        Set<String> found = new HashSet<>();
        List<String> ids = List.copyOf(sessionIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            found.addAll(sql.withHandle(handle -> handle.createQuery("SELECT id FROM sessions WHERE id IN (<ids>)")
                    .bindList("ids", chunk).mapTo(String.class).list()));
        }
        return found;
    }

    /** The account's live sessions, newest first. */
    public List<Session> list(String accountId) {
        return sql.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM sessions WHERE account_id = :account ORDER BY created_at DESC")
                .bind("account", accountId)
                .map(ROW)
                .list()).stream().filter(this::live).toList();
    }

    /** Ends one session of the account; NOT_FOUND when it has no such session. */
    public void revoke(String accountId, String sessionId) {
        int ended = sql.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM sessions WHERE id = :id AND account_id = :account")
                .bind("id", sessionId).bind("account", accountId).execute());
        if (ended == 0) throw new ProtocolException(ErrorCode.NOT_FOUND, "no such session");
    }

    /** Ends every session of the account except {@code keep} (which may be null), returning the ended ids. */
    public List<String> revokeAll(String accountId, String keep) {
        return sql.inTransaction(handle -> {
            List<String> ids = handle.createQuery("SELECT id FROM sessions WHERE account_id = :account")
                    .bind("account", accountId).mapTo(String.class).list()
                    .stream().filter(id -> !id.equals(keep)).toList();
            if (!ids.isEmpty()) {
                handle.createUpdate("DELETE FROM sessions WHERE id IN (<ids>)").bindList("ids", ids).execute();
            }
            return ids;
        });
    }

    /** Issues a socket ticket for a live session; RATE_LIMITED when the session has fetched too many lately. */
    public Ticket ticket(Session session) {
        long wait = ticketsBySession.take(session.id());
        if (wait > 0) throw new ProtocolException(ErrorCode.RATE_LIMITED, "too many tickets; slow down", wait);
        String ticket = Ids.secret();
        long expiresAt = clock.millis() + ticketTtl.toMillis();
        sql.useHandle(handle -> handle.createUpdate(
                        "INSERT INTO socket_tickets (ticket_hash, session_id, expires_at) VALUES (:hash, :session, :expiresAt)")
                .bind("hash", hash(ticket)).bind("session", session.id()).bind("expiresAt", expiresAt)
                .execute());
        return new Ticket(ticket, expiresAt);
    }

    /**
     * Redeems a ticket, which works once: the session it opens, if the ticket is unused, unexpired and
     * its session still live. The row is deleted by the one statement that reads it, so of two
     * redemptions at once, on one server process or two, only one gets it; an expired one goes too.
     */
    public Optional<Session> redeem(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > 128) return Optional.empty();
        long now = clock.millis();
        Optional<PendingTicket> pending = sql.withHandle(handle -> handle.createQuery(
                        "DELETE FROM socket_tickets WHERE ticket_hash = :hash RETURNING session_id, expires_at")
                .bind("hash", hash(ticket))
                .map((rs, ctx) -> new PendingTicket(rs.getString("session_id"), rs.getLong("expires_at")))
                .findOne());
        return pending.filter(found -> found.expiresAt() > now).flatMap(found -> live(found.sessionId()));
    }

    /** Deletes expired sessions and tickets, and forgets ticket counts that have refilled; returns how many sessions ended. */
    public int sweep() {
        long now = clock.millis();
        ticketsBySession.forgetFull();
        return sql.withHandle(handle -> {
            handle.createUpdate("DELETE FROM socket_tickets WHERE expires_at <= :now").bind("now", now).execute();
            return handle.createUpdate("DELETE FROM sessions WHERE expires_at <= :now OR last_seen_at <= :idle")
                    .bind("now", now).bind("idle", now - idle.toMillis()).execute();
        });
    }

    private boolean live(Session session) {
        long now = clock.millis();
        return session.expiresAt() > now && session.lastSeenAt() > now - idle.toMillis();
    }

    private Session seen(Session session) {
        long now = clock.millis();
        if (now - session.lastSeenAt() < LAST_SEEN_GRANULARITY_MS) return session;
        sql.useHandle(handle -> handle.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE id = :id")
                .bind("now", now).bind("id", session.id()).execute());
        return new Session(session.id(), session.accountId(), session.createdAt(), now, session.expiresAt(),
                session.userAgent());
    }

    private static String clip(String userAgent) {
        if (userAgent == null) return "";
        return userAgent.length() > 200 ? userAgent.substring(0, 200) : userAgent;
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
