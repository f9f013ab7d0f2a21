package org.tryst.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tryst.age.AgeClaim.Verdict;

/** The claim rule alone: a yes-or-no claim, or a birthdate judged by the server's clock in UTC. */
class AgeClaimTest {
    /** 2026-03-01 00:30 UTC: still 28 February in the Americas, so a local today would differ from the server's. */
    private static final Clock MARCH_FIRST = Clock.fixed(Instant.parse("2026-03-01T00:30:00Z"), ZoneOffset.UTC);
    private static final AgeClaim OVER_18 = new AgeClaim("age_over_18");
    private static final AgeClaim BIRTHDATE = new AgeClaim("birthdate");

    @Test
    void aYesOrNoClaimMustBeTrue() {
        assertThat(OVER_18.judge(Map.of("age_over_18", true), MARCH_FIRST)).isEqualTo(Verdict.ADULT);
        assertThat(OVER_18.judge(Map.of("age_over_18", false), MARCH_FIRST)).isEqualTo(Verdict.MINOR);
        assertThat(OVER_18.judge(Map.of("age_over_18", "true"), MARCH_FIRST)).as("as text, as some providers send it").isEqualTo(Verdict.ADULT);
        assertThat(OVER_18.judge(Map.of("age_over_18", "false"), MARCH_FIRST)).isEqualTo(Verdict.MINOR);
        assertThat(OVER_18.judge(Map.of("age_over_18", "yes"), MARCH_FIRST)).isEqualTo(Verdict.UNKNOWN);
        assertThat(OVER_18.judge(Map.of("age_over_18", 1), MARCH_FIRST)).isEqualTo(Verdict.UNKNOWN);
        assertThat(OVER_18.judge(Map.of("age_over_21", true), MARCH_FIRST)).as("another claim proves nothing").isEqualTo(Verdict.UNKNOWN);
        assertThat(OVER_18.judge(Map.of(), MARCH_FIRST)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aBirthdateCountsEighteenYearsToTheServersDay() {
        assertThat(BIRTHDATE.judge(Map.of("birthdate", "2008-03-01"), MARCH_FIRST)).as("eighteen today").isEqualTo(Verdict.ADULT);
        assertThat(BIRTHDATE.judge(Map.of("birthdate", "2008-03-02"), MARCH_FIRST)).as("eighteen tomorrow").isEqualTo(Verdict.MINOR);
        assertThat(BIRTHDATE.judge(Map.of("birthdate", "2008-02-29"), MARCH_FIRST)).isEqualTo(Verdict.ADULT);
        assertThat(BIRTHDATE.judge(Map.of("birthdate", "1970-01-01"), MARCH_FIRST)).isEqualTo(Verdict.ADULT);
        assertThat(BIRTHDATE.judge(Map.of("birthdate", "2020-06-15"), MARCH_FIRST)).isEqualTo(Verdict.MINOR);
    }

    @Test
    void aLeapDayBirthdayComesOnTheFirstOfMarchInOtherYears() {
        Clock february28 = Clock.fixed(Instant.parse("2026-02-28T12:00:00Z"), ZoneOffset.UTC);
        // Born 29 February 2008: in 2026, eighteen years on is 28 February (java.time's rule: the last valid day).
        assertThat(BIRTHDATE.judge(Map.of("birthdate", "2008-02-29"), february28)).isEqualTo(Verdict.ADULT);
        assertThat(BIRTHDATE.judge(Map.of("birthdate", "2008-03-01"), february28)).isEqualTo(Verdict.MINOR);
    }

    @Test
    void aYearAloneIsTakenAsItsLastDay() {
        assertThat(BIRTHDATE.judge(Map.of("birthdate", "2007"), MARCH_FIRST)).isEqualTo(Verdict.ADULT);
        assertThat(BIRTHDATE.judge(Map.of("birthdate", "2008"), MARCH_FIRST)).as("could be December 2008").isEqualTo(Verdict.MINOR);
    }

    @Test
    void aBirthdateThatSaysNothingUsableIsUnknown() {
        for (Object value : new Object[] {"0000-03-01", "2008-13-01", "2008-02-30", "01/03/2008", "2008-3-1", "", "3000-01-01", 2008, true}) {
            assertThat(BIRTHDATE.judge(Map.of("birthdate", value), MARCH_FIRST)).as(String.valueOf(value)).isEqualTo(Verdict.UNKNOWN);
        }
        assertThat(BIRTHDATE.judge(Map.of(), MARCH_FIRST)).isEqualTo(Verdict.UNKNOWN);
    }
}
