package org.tryst.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.tryst.MutableClock;
import org.tryst.TestServer;

/** What the wellbeing tests set up by hand: the server's clock at a chosen hour, and minutes a person already used. */
public final class UsedMinutes {
    private UsedMinutes() {}

    /** Moves the clock to tomorrow at the hour (UTC), so that no day turns while a test runs. */
    public static void startTomorrowAt(MutableClock clock, int hour) {
        Instant now = clock.instant();
        clock.advance(Duration.between(now, LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atTime(hour, 0).toInstant(ZoneOffset.UTC)));
    }

    /** Today by the clock, in UTC, the time zone the tests' limits use. */
    public static LocalDate today(MutableClock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Records minutes the account already used on the day, as if the person had spent them, over whatever the sweep counted. */
    public static void seed(TestServer server, String username, LocalDate day, int minutes) throws Exception {
        try (var connection = server.database(); PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO wellbeing_usage (account_id, day, minutes, last_minute)
                SELECT id, ?, ?, 0 FROM accounts WHERE username = ?
                ON CONFLICT (account_id, day) DO UPDATE SET minutes = excluded.minutes""")) {
            statement.setString(1, day.toString());
            statement.setInt(2, minutes);
            statement.setString(3, username);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
