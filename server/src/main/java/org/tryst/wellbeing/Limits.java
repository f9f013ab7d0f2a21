package org.tryst.wellbeing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.tryst.protocol.Views;

/**
 * A person's limits: a daily budget in minutes, quiet hours (which may cross midnight), the time
 * zone both are counted in, and break reminders; a null field is unset. Also the rule that makes
 * limits hold against a person's own impulse: which changes tighten (at once) and which loosen (a
 * day later).
 */
record Limits(Integer dailyMinutes, LocalTime quietFrom, LocalTime quietUntil, ZoneId zone, Integer breakMinutes) {
    /** No limits, counted in UTC. */
    static final Limits NONE = new Limits(null, null, null, ZoneId.of("UTC"), null);

    static Limits of(Views.WellbeingLimits view) {
        return new Limits(view.dailyMinutes(), time(view.quietFrom()), time(view.quietUntil()), ZoneId.of(view.timeZone()), view.breakMinutes());
    }

    Views.WellbeingLimits view() {
        return new Views.WellbeingLimits(dailyMinutes, text(quietFrom), text(quietUntil), zone.getId(), breakMinutes);
    }

    boolean hasQuietHours() {
        return quietFrom != null;
    }

    /** Whether any limit that keeps the person out is set (break reminders keep nobody out). */
    boolean restricts() {
        return dailyMinutes != null || hasQuietHours();
    }

    /** The day in the person's time zone at this instant. */
    LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** When the person's next day begins. */
    Instant nextDay(Instant at) {
        return day(at).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether the instant falls in the quiet hours. */
    boolean quiet(Instant at) {
        return hasQuietHours() && covers(quietFrom, quietUntil, at.atZone(zone).toLocalTime());
    }

    /** When the quiet hours around this instant end (the instant must be quiet). */
    Instant quietEnds(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime end = local.with(quietUntil);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    /** When the next quiet hours begin, after this instant. */
    Instant quietBegins(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime start = local.with(quietFrom);
        return (start.isAfter(local) ? start : start.plusDays(1)).toInstant();
    }

    /**
     * The limits to apply at once when the person asks for {@code next}: each limit that {@code next}
     * tightens is taken from it, every other stays as it is. Break reminders are no limit and change at once.
     */
    Limits tightenedBy(Limits next) {
        boolean sameZone = zone.equals(next.zone) || !restricts();
        Integer daily = tighterBudget(next.dailyMinutes) ? next.dailyMinutes : dailyMinutes;
        boolean quieter = sameZone && coversAll(next);
        return new Limits(daily, quieter ? next.quietFrom : quietFrom, quieter ? next.quietUntil : quietUntil,
                sameZone ? next.zone : zone, next.breakMinutes);
    }

    /** Whether {@code next} loosens anything that would then wait a day: a bigger or no budget, fewer quiet hours, another time zone. */
    boolean loosenedBy(Limits next) {
        return !tightenedBy(next).equals(new Limits(next.dailyMinutes, next.quietFrom, next.quietUntil, next.zone, next.breakMinutes));
    }

    private boolean tighterBudget(Integer next) {
        return next != null && (dailyMinutes == null || next <= dailyMinutes);
    }

    /** Whether {@code next}'s quiet hours cover every minute of these (none covers none; any covers none). */
    private boolean coversAll(Limits next) {
        if (!hasQuietHours()) return true;
        if (!next.hasQuietHours()) return false;
        for (LocalTime minute = quietFrom; !minute.equals(quietUntil); minute = minute.plusMinutes(1)) {
            if (!covers(next.quietFrom, next.quietUntil, minute)) return false;
        }
        return true;
    }

    private static boolean covers(LocalTime from, LocalTime until, LocalTime at) {
        return from.isBefore(until) ? !at.isBefore(from) && at.isBefore(until) : !at.isBefore(from) || at.isBefore(until);
    }

    private static LocalTime time(String text) {
        return text == null ? null : LocalTime.parse(text);
    }

    private static String text(LocalTime time) {
        return time == null ? null : time.toString();
    }
}
