package org.tryst.age;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The rule an age provider's claim must pass: a yes-or-no claim such as {@code age_over_18} that is
 * true, or a {@code birthdate} (OpenID Connect's ISO date) at least {@link #ADULT} years before today,
 * the server's today in UTC. Anything else proves nothing: the person is not verified.
 */
public record AgeClaim(String name) {
    /** The age from which a person is an adult here. */
    public static final int ADULT = 18;

    /** What the claim says of the person. */
    public enum Verdict {
        ADULT,
        MINOR,
        /** The claim is missing, or says nothing usable (a birthdate without its year, a value of another kind). */
        UNKNOWN
    }

    /** Judges the claims of a validated ID token. */
    public Verdict judge(Map<String, Object> claims, Clock clock) {
        Object value = claims.get(name);
        return name.equals("birthdate") ? born(value, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)) : yesOrNo(value);
    }

    private static Verdict yesOrNo(Object value) {
        if (value instanceof Boolean adult) return adult ? Verdict.ADULT : Verdict.MINOR;
        if ("true".equals(value)) return Verdict.ADULT;
        if ("false".equals(value)) return Verdict.MINOR;
        return Verdict.UNKNOWN;
    }

    /** {@code YYYY-MM-DD}, or {@code YYYY} alone (taken as its last day, the youngest it can mean); {@code 0000-MM-DD} has no year. */
    private static Verdict born(Object value, LocalDate today) {
        if (!(value instanceof String text)) return Verdict.UNKNOWN;
        LocalDate birthday;
        try {
            if (text.matches("[0-9]{4}")) birthday = LocalDate.of(Integer.parseInt(text), 12, 31);
            else if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) birthday = LocalDate.parse(text);
            else return Verdict.UNKNOWN;
        } catch (java.time.DateTimeException invalid) {
            return Verdict.UNKNOWN;
        }
        if (birthday.getYear() == 0 || birthday.isAfter(today)) return Verdict.UNKNOWN;
        return birthday.plusYears(ADULT).isAfter(today) ? Verdict.MINOR : Verdict.ADULT;
    }
}
