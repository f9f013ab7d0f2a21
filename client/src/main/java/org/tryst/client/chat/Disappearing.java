package org.tryst.client.chat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The disappearing timers a scene may have, by the short names people type. */
public enum Disappearing {
    OFF("off", 0),
    FIVE_MINUTES("5m", 300),
    ONE_HOUR("1h", 3_600),
    ONE_DAY("24h", 86_400),
    ONE_WEEK("7d", 604_800);

    private final String label;
    private final long seconds;

    Disappearing(String label, long seconds) {
        this.label = label;
        this.seconds = seconds;
    }

    public String label() {
        return label;
    }

    public long seconds() {
        return seconds;
    }

    /** The choice a person typed, in any case. */
    public static Optional<Disappearing> parse(String typed) {
        return Arrays.stream(values()).filter(choice -> choice.label.equals(typed.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The short name of a timer in seconds; a server with other choices gets plain seconds. */
    public static String label(long seconds) {
        return Arrays.stream(values()).filter(choice -> choice.seconds == seconds).findFirst()
                .map(Disappearing::label).orElse(seconds + "s");
    }

    /** The choices as people type them, e.g. {@code off|5m|1h|24h|7d}. */
    public static String choices() {
        return String.join("|", Arrays.stream(values()).map(Disappearing::label).toList());
    }
}
