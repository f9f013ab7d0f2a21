package org.tryst.client.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.tryst.protocol.Views;

/**
 * Carries out {@code /limits} and {@code /exclude}: the person's own limits, which the server keeps
 * on every device, and says them, the time left and the day's use in plain lines.
 */
final class Limits {
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final Map<String, String> PERIODS = Map.of("24h", "24 hours", "7d", "7 days", "30d", "30 days", "6mo", "6 months",
            "1y", "1 year", "5y", "5 years");
    /** How many days {@code /limits} lists, newest last. */
    static final int DAYS_SHOWN = 7;

    private final Backend backend;
    private final Screen screen;
    private final Session session;
    private final Clock clock;

    Limits(Backend backend, Screen screen, Session session, Clock clock) {
        this.backend = backend;
        this.screen = screen;
        this.session = session;
        this.clock = clock;
    }

    /** The limits in force, a loosening waiting, and the minutes of the last days. */
    void show() {
        Views.Wellbeing shown = backend.wellbeing();
        describe(shown.limits()).forEach(screen::show);
        if (shown.pending() != null && shown.pendingFrom() != null) {
            screen.show("Waiting, in force " + when(Instant.ofEpochMilli(shown.pendingFrom()), clock) + ":");
            describe(shown.pending()).forEach(line -> screen.show("  " + line));
        }
        screen.show("Today so far: " + duration(shown.minutesToday())
                + (shown.limits().dailyMinutes() == null ? "." : ", of " + duration(shown.limits().dailyMinutes()) + "."));
        usage(shown, clock).forEach(screen::show);
        screen.show("/limits budget N|none, /limits quiet HH:MM-HH:MM|none and /limits breaks N|none change them;"
                + " stricter applies now, looser in 24 hours.");
    }

    /** Changes one limit, keeping the others as last asked for (a loosening waiting included). */
    void change(UnaryOperator<Views.WellbeingLimits> change) {
        Views.Wellbeing before = backend.wellbeing();
        Views.WellbeingLimits start = before.pending() != null ? before.pending() : before.limits();
        boolean nothingSet = start.dailyMinutes() == null && start.quietFrom() == null && start.breakMinutes() == null;
        // Days and hours count in this terminal's zone unless limits already count in one.
        Views.WellbeingLimits base = nothingSet ? new Views.WellbeingLimits(null, null, null, clock.getZone().getId(), null) : start;
        Views.Wellbeing after = backend.setWellbeing(change.apply(base));
        if (after.pending() != null && after.pendingFrom() != null) {
            screen.show("Saved. What is stricter applies now; what is looser takes effect " + when(Instant.ofEpochMilli(after.pendingFrom()), clock) + ".");
        } else {
            screen.show("Saved. Your limits apply now, on every device.");
        }
        describe(after.limits()).forEach(screen::show);
    }

    /** Without {@code confirmed}, says what an exclusion means and how to confirm it; with it, excludes at once. */
    void exclude(String period, boolean confirmed) {
        String name = PERIODS.get(period);
        if (!confirmed) {
            screen.show("Excluding yourself logs you out everywhere at once, and no log-in works for " + name + ".");
            screen.show("Nobody can lift it early: not you, not a moderator, not even the operator.");
            screen.show("If that is what you want, type /exclude " + period + " yes");
            return;
        }
        Views.Wellbeing excluded = backend.exclude(period);
        Instant until = Instant.ofEpochMilli(excluded.excludedUntil());
        session.keptOut = keptOut("excluded", until, clock);
        screen.show(session.keptOut);
    }

    static Views.WellbeingLimits budget(Views.WellbeingLimits limits, Integer minutes) {
        return new Views.WellbeingLimits(minutes, limits.quietFrom(), limits.quietUntil(), limits.timeZone(), limits.breakMinutes());
    }

    static Views.WellbeingLimits quiet(Views.WellbeingLimits limits, String from, String until) {
        return new Views.WellbeingLimits(limits.dailyMinutes(), from, until, limits.timeZone(), limits.breakMinutes());
    }

    static Views.WellbeingLimits breaks(Views.WellbeingLimits limits, Integer minutes) {
        return new Views.WellbeingLimits(limits.dailyMinutes(), limits.quietFrom(), limits.quietUntil(), limits.timeZone(), minutes);
    }

    /** Whether an error code says that the person's own limit keeps them out. */
    static boolean keepsOut(String code) {
        return code.equals("daily_limit") || code.equals("quiet_hours") || code.equals("excluded");
    }

    /** Until when a limit keeps the person out, calmly, and for an exclusion that nothing lifts it. */
    static String keptOut(String code, Instant until, Clock clock) {
        return switch (code) {
            case "daily_limit" -> "That was today's time, as you limited it. Tryst opens again for you " + when(until, clock)
                    + ". Your conversations wait; the others see only that you went offline.";
            case "quiet_hours" -> "These are your quiet hours. Tryst opens again for you " + when(until, clock)
                    + ". Your conversations wait; the others see only that you went offline.";
            default -> "You excluded yourself from Tryst until " + when(until, clock).replaceFirst("^(at|on) ", "")
                    + ". Nobody can lift it early, not even the operator. If you want to talk to someone, a helpline listens,"
                    + " free and in confidence: findahelpline.com lists them.";
        };
    }

    /** The warning five minutes before a limit. */
    static String warning(String reason, Instant endsAt, ZoneId zone) {
        String at = HOURS.format(endsAt.atZone(zone));
        return (reason.equals("daily_limit") ? "! Today's time runs out at " : "! Quiet hours begin at ") + at + "; Tryst closes then, on every device.";
    }

    static String breakReminder(int minutes) {
        return "You have been here " + duration(minutes) + " on end. A good moment for a break.";
    }

    /** The limits, one line each. */
    static List<String> describe(Views.WellbeingLimits limits) {
        return List.of(
                limits.dailyMinutes() == null ? "No daily budget." : "At most " + duration(limits.dailyMinutes()) + " a day.",
                limits.quietFrom() == null ? "No quiet hours." : "Quiet hours from " + limits.quietFrom() + " until " + limits.quietUntil() + ".",
                limits.breakMinutes() == null ? "No break reminders." : "A reminder to take a break after " + duration(limits.breakMinutes()) + " on end.",
                "Days and hours in " + limits.timeZone() + ".");
    }

    /** The last days' minutes as a small table, with a bar of one # per ten minutes. */
    static List<String> usage(Views.Wellbeing shown, Clock clock) {
        Map<String, Integer> byDate = shown.days().stream().collect(Collectors.toMap(Views.UsageDay::date, Views.UsageDay::minutes));
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(shown.limits().timeZone())));
        List<String> lines = new ArrayList<>();
        lines.add("The last " + DAYS_SHOWN + " days, in minutes:");
        for (int back = DAYS_SHOWN - 1; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            int minutes = byDate.getOrDefault(day.toString(), 0);
            lines.add(String.format(Locale.ROOT, "  %-10s %4d %s", DAY.format(day), minutes, "#".repeat((minutes + 9) / 10)).stripTrailing());
        }
        return lines;
    }

    /** "at 21:40" today, "tomorrow at 07:00", or the date further off, in the terminal's zone. */
    static String when(Instant at, Clock clock) {
        ZonedDateTime then = at.atZone(clock.getZone());
        LocalDate today = LocalDate.now(clock);
        if (then.toLocalDate().equals(today)) return "at " + HOURS.format(then);
        if (then.toLocalDate().equals(today.plusDays(1))) return "tomorrow at " + HOURS.format(then);
        return "on " + DATE.format(then);
    }

    static String duration(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        String h = hours == 1 ? "1 hour" : hours + " hours";
        String m = rest == 1 ? "1 minute" : rest + " minutes";
        return hours == 0 ? m : rest == 0 ? h : h + " " + m;
    }
}
