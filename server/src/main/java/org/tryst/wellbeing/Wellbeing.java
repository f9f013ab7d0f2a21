package org.tryst.wellbeing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tryst.accounts.Admission;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.cluster.Sight;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.CloseCodes;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.requests.Gate;

/**
 * A person's own limits on their use of Tryst, held by the server so that no device, transport or
 * modified client escapes them: a daily budget of active minutes counted once across all devices,
 * quiet hours, break reminders, and self-exclusion that nothing can lift early. Loosening a limit
 * takes effect a day later; tightening, at once. Log-ins, tickets and sockets are refused while a
 * limit holds ({@link #requireAdmitted}), every request on a socket passes {@link #admit}, and
 * {@link #sweep} counts the minutes, warns five minutes ahead and then ends the sessions.
 */
public final class Wellbeing implements Gate, Admission {
    /** How long before a limit the sessions are warned. */
    static final Duration WARNING = Duration.ofMinutes(5);
    /** A socket that sent nothing for this long is idle, and its minutes do not count. */
    static final Duration ACTIVE = Duration.ofMinutes(5);
    /** How long a loosening waits. */
    static final Duration LOOSENING_WAIT = Duration.ofHours(24);
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (VV)",
            java.util.Locale.ROOT);

    private final WellbeingStore store;
    private final Delivery delivery;
    private final Clock clock;
    private final Map<String, Long> lastActive = new ConcurrentHashMap<>();
    private final Map<String, Long> activeSince = new ConcurrentHashMap<>();
    private final Map<String, Long> reminded = new ConcurrentHashMap<>();
    private final Map<String, ProtocolException> keptOut = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile long sweptMinute;
    /** Accounts excluding themselves right now: the sweep leaves them be, so that the request's own socket gets its reply first. */
    private final Set<String> excluding = ConcurrentHashMap.newKeySet();

    public Wellbeing(org.tryst.storage.Sql sql, Delivery delivery, Clock clock) {
        this.store = new WellbeingStore(sql);
        this.delivery = delivery;
        this.clock = clock;
    }

    /** Throws {@code excluded}, {@code quiet_hours} or {@code daily_limit} while the account keeps itself out. */
    @Override
    public void requireAdmitted(String accountId) {
        refusal(accountId, clock.instant()).ifPresent(refusal -> {
            throw refusal;
        });
    }

    /** When the account's self-exclusion ends, if one runs: all that an operator's command may read of a person's limits. */
    public static Optional<Long> exclusionOf(org.tryst.storage.Sql sql, String accountId, Clock clock) {
        return new WellbeingStore(sql).excludedUntil(accountId, clock.millis());
    }

    /** Whether the account excluded itself and the exclusion still runs. */
    public boolean excluded(String accountId) {
        return store.excludedUntil(accountId, clock.millis()).isPresent();
    }

    /** Refuses every request of an account whose limit ended its sessions, in the moments before they close; notes the activity. */
    @Override
    public void admit(Caller caller, ClientMessage request) {
        long now = clock.millis();
        ProtocolException out = keptOut.get(caller.accountId());
        if (out != null) {
            if (out.retryAfterMs() != null && now < out.retryAfterMs()) throw new ProtocolException(out.code(), out.getMessage(), out.retryAfterMs() - now);
            keptOut.remove(caller.accountId());
        }
        activeSince.putIfAbsent(caller.accountId(), now);
        lastActive.put(caller.accountId(), now);
    }

    /** The account's wellbeing, for its own eyes. */
    public Views.Wellbeing show(String accountId) {
        Instant now = clock.instant();
        Limits limits = store.limits(accountId, now.toEpochMilli());
        Optional<WellbeingStore.Pending> pending = store.pending(accountId);
        return new Views.Wellbeing(limits.view(), pending.map(waiting -> waiting.limits().view()).orElse(null),
                pending.map(WellbeingStore.Pending::takeEffectAt).orElse(null), store.excludedUntil(accountId, now.toEpochMilli()).orElse(null),
                store.minutes(accountId, limits.day(now)), store.usageSince(accountId, limits.day(now).minusDays(29)));
    }

    /** Asks for new limits: what tightens applies now, what loosens waits a day. */
    public Views.Wellbeing set(String accountId, ClientMessage.WellbeingSet request) {
        long now = clock.millis();
        Limits current = store.limits(accountId, now);
        Limits next = Limits.of(new Views.WellbeingLimits(request.dailyMinutes(), request.quietFrom(), request.quietUntil(),
                request.timeZone(), request.breakMinutes()));
        store.save(accountId, current.tightenedBy(next),
                current.loosenedBy(next) ? new WellbeingStore.Pending(next, now + LOOSENING_WAIT.toMillis()) : null);
        return show(accountId);
    }

    /**
     * Excludes the account for the period, at once: its other sockets close now, the caller's after
     * this reply. The period only ever lengthens an exclusion already running.
     */
    public ProtocolException exclude(String accountId, String period, String exceptSocket) {
        Instant now = clock.instant();
        ZonedDateTime from = now.atZone(java.time.ZoneOffset.UTC);
        Instant until = switch (period) {
            case "24h" -> now.plus(Duration.ofHours(24));
            case "7d" -> now.plus(Duration.ofDays(7));
            case "30d" -> now.plus(Duration.ofDays(30));
            case "6mo" -> from.plus(Period.ofMonths(6)).toInstant();
            case "1y" -> from.plus(Period.ofYears(1)).toInstant();
            case "5y" -> from.plus(Period.ofYears(5)).toInstant();
            default -> throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "period must be one of " + ClientMessage.EXCLUSION_PERIODS);
        };
        excluding.add(accountId);
        try {
            store.exclude(accountId, now.toEpochMilli(), until.toEpochMilli());
            ProtocolException refusal = refusal(accountId, now).orElseThrow();
            end(accountId, refusal, exceptSocket);
            return refusal;
        } finally {
            excluding.remove(accountId);
        }
    }

    /**
     * Counts this minute for every account active on this process's sockets (once across devices and
     * processes), then, for every account here, warns before a limit and ends its sessions at it.
     * It does its work once a minute, however often it is called.
     */
    public void sweep() {
        Instant now = clock.instant();
        long minute = now.toEpochMilli() / 60_000;
        if (minute == sweptMinute) return;
        sweptMinute = minute;
        Map<String, List<Caller>> here = new java.util.HashMap<>();
        delivery.callers().forEach(socket -> here.computeIfAbsent(socket.accountId(), account -> new ArrayList<>()).add(socket));
        lastActive.keySet().retainAll(here.keySet());
        activeSince.keySet().retainAll(lastActive.keySet());
        Set<String> sockets = new HashSet<>();
        here.values().forEach(list -> list.forEach(socket -> sockets.add(socket.id())));
        warned.removeIf(key -> !sockets.contains(key.substring(0, key.indexOf('/'))));
        here.forEach((account, itsSockets) -> {
            Limits limits = store.limits(account, now.toEpochMilli());
            Long active = lastActive.get(account);
            boolean isActive = active != null && now.toEpochMilli() - active < ACTIVE.toMillis();
            if (isActive) store.countMinute(account, limits.day(now), minute);
            else activeSince.remove(account);
            enforce(account, itsSockets, limits, now);
            if (isActive) remind(account, limits, now);
        });
    }

    private void enforce(String account, List<Caller> sockets, Limits limits, Instant now) {
        if (excluding.contains(account)) return;
        Optional<ProtocolException> refusal = refusal(account, now);
        if (refusal.isPresent()) {
            end(account, refusal.get(), null);
            return;
        }
        if (limits.dailyMinutes() != null) {
            int left = limits.dailyMinutes() - store.minutes(account, limits.day(now));
            if (left <= WARNING.toMinutes()) warnOnce(sockets, ErrorCode.DAILY_LIMIT, limits.day(now).toString(), now.plus(Duration.ofMinutes(left)));
        }
        if (limits.hasQuietHours()) {
            Instant begins = limits.quietBegins(now);
            if (Duration.between(now, begins).compareTo(WARNING) <= 0) warnOnce(sockets, ErrorCode.QUIET_HOURS, begins.toString(), begins);
        }
    }

    /** Each process tells its own sockets of the account, so that every socket hears a warning once, one opened after it too. */
    private void warnOnce(List<Caller> sockets, ErrorCode reason, String occasion, Instant endsAt) {
        ServerMessage warning = new ServerMessage.WellbeingWarning(reason.wire(), endsAt.toEpochMilli());
        for (Caller socket : sockets) {
            if (warned.add(socket.id() + "/" + reason.wire() + "/" + occasion)) delivery.reply(socket, warning);
        }
    }

    private void remind(String account, Limits limits, Instant now) {
        if (limits.breakMinutes() == null) return;
        long since = Math.max(activeSince.getOrDefault(account, now.toEpochMilli()), reminded.getOrDefault(account, 0L));
        long minutes = (now.toEpochMilli() - activeSince.getOrDefault(account, now.toEpochMilli())) / 60_000;
        if (now.toEpochMilli() - since < limits.breakMinutes() * 60_000L) return;
        reminded.put(account, now.toEpochMilli());
        delivery.tellHere(new Event.Tell(new Audience.Account(account), new ServerMessage.WellbeingBreak((int) minutes), Sight.ANYONE));
    }

    /** Ends the account's sessions gently: the refusal says why and until when; partners only see the persona go. */
    private void end(String account, ProtocolException refusal, String exceptSocket) {
        ProtocolException already = keptOut.get(account);
        // The sweep leaves an account already ended alone: ending it again could close a socket before its request's reply.
        if (exceptSocket == null && (excluding.contains(account) || (already != null && already.retryAfterMs() > clock.millis()))) return;
        keptOut.put(account, new ProtocolException(refusal.code(), refusal.getMessage(), clock.millis() + refusal.retryAfterMs()));
        if (!delivery.hasSockets(account)) return;
        delivery.publish(new Event.Close(new Audience.Account(account), ServerMessage.Error.of(null, refusal), CloseCodes.SESSION_ENDED,
                refusal.code().wire(), exceptSocket));
    }

    /** What keeps the account out now: a self-exclusion before quiet hours before the daily budget. */
    private Optional<ProtocolException> refusal(String account, Instant now) {
        long millis = now.toEpochMilli();
        Optional<Long> excluded = store.excludedUntil(account, millis);
        if (excluded.isPresent()) {
            return Optional.of(new ProtocolException(ErrorCode.EXCLUDED, "you excluded yourself until "
                    + when(Instant.ofEpochMilli(excluded.get()), store.limits(account, millis))
                    + "; nobody can lift it early. If you need someone to talk to, https://findahelpline.com lists free helplines where you live.",
                    excluded.get() - millis));
        }
        Limits limits = store.limits(account, millis);
        List<Instant> ends = new ArrayList<>();
        if (limits.quiet(now)) ends.add(limits.quietEnds(now));
        if (limits.dailyMinutes() != null && store.minutes(account, limits.day(now)) >= limits.dailyMinutes()) {
            Instant tomorrow = limits.nextDay(now);
            ends.add(limits.quiet(tomorrow) ? limits.quietEnds(tomorrow) : tomorrow);
        }
        if (ends.isEmpty()) return Optional.empty();
        Instant until = ends.stream().max(Instant::compareTo).orElseThrow();
        ErrorCode code = limits.quiet(now) ? ErrorCode.QUIET_HOURS : ErrorCode.DAILY_LIMIT;
        String why = code == ErrorCode.QUIET_HOURS ? "these are your quiet hours" : "today's time is used up";
        return Optional.of(new ProtocolException(code, why + "; Tryst opens again for you at " + when(until, limits),
                Duration.between(now, until).toMillis()));
    }

    /** A moment as the person reads it: in their time zone, to the minute. */
    private static String when(Instant at, Limits limits) {
        return WHEN.format(at.atZone(limits.zone()));
    }
}
