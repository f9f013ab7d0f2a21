package org.tryst.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.CloseCodes;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * A person's own limits over the raw protocol, with the server's clock moved by hand: the daily
 * budget counted once across devices, warned ahead and ending every session at the limit; quiet
 * hours; loosening that waits a day while tightening holds at once; and self-exclusion, which
 * refuses log-ins, tickets and sockets until it ends and which no request shortens.
 */
class WellbeingTest {
    private static final MutableClock CLOCK = new MutableClock();
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with(CLOCK).with("TRYST_WELLBEING_SWEEP_SECONDS", "1");

    @BeforeAll
    static void startAtTenInTheMorning() {
        UsedMinutes.startTomorrowAt(CLOCK, 10);
    }

    @Test
    void aMinuteOnTwoDevicesCountsOnce() {
        TestServer.User user = SERVER.register("twice");
        Wire phone = SERVER.connect(user);
        Wire laptop = SERVER.connect(user);
        for (int minute = 1; minute <= 2; minute++) {
            CLOCK.advance(Duration.ofMinutes(1));
            active(phone);
            active(laptop);
            int expected = minute;
            awaitWellbeing(phone, wellbeing -> wellbeing.minutesToday() == expected);
        }
        Views.Wellbeing after = show(laptop);
        assertThat(after.minutesToday()).isEqualTo(2);
        assertThat(after.days()).extracting(Views.UsageDay::minutes).containsExactly(2);
    }

    @Test
    void theBudgetWarnsThenEndsEverySessionAndNothingWorksUntilTheDayTurns() throws Exception {
        TestServer.User user = SERVER.register("budget");
        Wire phone = SERVER.connect(user);
        Wire laptop = SERVER.connect(user);
        set(phone, 15, null, null);
        UsedMinutes.seed(SERVER, user.username(), UsedMinutes.today(CLOCK), 13);
        CLOCK.advance(Duration.ofMinutes(1));
        active(phone);
        ServerMessage.WellbeingWarning warning = phone.expect(ServerMessage.WellbeingWarning.class);
        assertThat(warning.reason()).isEqualTo("daily_limit");
        assertThat(laptop.expect(ServerMessage.WellbeingWarning.class).endsAt()).isEqualTo(warning.endsAt());
        CLOCK.advance(Duration.ofMinutes(1));
        active(phone);
        assertThat(phone.closeCode(Duration.ofSeconds(10))).isEqualTo(CloseCodes.SESSION_ENDED);
        assertThat(laptop.closeCode(Duration.ofSeconds(10))).isEqualTo(CloseCodes.SESSION_ENDED);
        assertThat(laptop.expectError("daily_limit").retryAfterMs()).isPositive();

        HttpResponse<String> login = login(user);
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.body()).contains("daily_limit");
        assertThat(login.headers().firstValue("Retry-After")).isPresent();
        assertThat(SERVER.post("/api/tickets", Map.of(), user.token()).body()).contains("daily_limit");

        CLOCK.advance(Duration.ofDays(1));
        assertThat(login(user).statusCode()).isEqualTo(200);
        Wire tomorrow = SERVER.connect(user);
        assertThat(show(tomorrow).minutesToday()).isZero();
    }

    @Test
    void quietHoursWarnAheadEndTheSessionAndHoldUntilTheyEnd() {
        TestServer.User user = SERVER.register("quiet");
        Wire wire = SERVER.connect(user);
        LocalTime now = LocalTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
        set(wire, null, now.plusMinutes(3).format(HOURS), now.plusMinutes(63).format(HOURS));
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(wire.expect(ServerMessage.WellbeingWarning.class).reason()).isEqualTo("quiet_hours");
        CLOCK.advance(Duration.ofMinutes(3));
        assertThat(wire.closeCode(Duration.ofSeconds(10))).isEqualTo(CloseCodes.SESSION_ENDED);
        assertThat(wire.expectError("quiet_hours")).isNotNull();
        assertThat(login(user).body()).contains("quiet_hours");
        CLOCK.advance(Duration.ofMinutes(61));
        assertThat(login(user).statusCode()).isEqualTo(200);
    }

    @Test
    void anInvitationToAnExcludedAccountIsSwallowedAsADeclineIs() throws Exception {
        Wire inviter = SERVER.connect(SERVER.register("inviter"));
        String scene = TestServer.sceneOf(inviter, TestServer.persona(inviter, "Inviter"));
        Wire away = SERVER.connect(SERVER.register("away"));
        Views.Persona invitee = TestServer.persona(away, "Away");
        away.send(new ClientMessage.WellbeingExclude(away.nextId(), "24h"));
        away.expect(ServerMessage.WellbeingInfo.class);
        inviter.send(new ClientMessage.SceneInvite(inviter.nextId(), scene, personaOf(inviter), invitee.id(), "tea?"));
        assertThat(inviter.expect(ServerMessage.InvitationInfo.class).invitation().status()).isEqualTo("pending");
        try (var connection = SERVER.database(); PreparedStatement statement = connection.prepareStatement(
                "SELECT status FROM invitations WHERE invitee_id = ?")) {
            statement.setString(1, invitee.id());
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("declined");
            }
        }
    }

    @Test
    void tighteningHoldsAtOnceAndLooseningWaitsADay() {
        Wire wire = SERVER.connect(SERVER.register("loosen"));
        assertThat(set(wire, 60, null, null).limits().dailyMinutes()).isEqualTo(60);
        assertThat(set(wire, 30, null, null).limits().dailyMinutes()).isEqualTo(30);
        Views.Wellbeing loosened = set(wire, 90, null, null);
        assertThat(loosened.limits().dailyMinutes()).isEqualTo(30);
        assertThat(loosened.pending().dailyMinutes()).isEqualTo(90);
        assertThat(loosened.pendingFrom()).isGreaterThanOrEqualTo(CLOCK.millis() + Duration.ofHours(24).toMillis() - 1_000);
        Views.Wellbeing removed = set(wire, null, null, null);
        assertThat(removed.limits().dailyMinutes()).isEqualTo(30);
        assertThat(removed.pending().dailyMinutes()).isNull();

        assertThat(set(wire, 30, "23:00", "07:00").limits().quietFrom()).isEqualTo("23:00");
        Views.Wellbeing shorter = set(wire, 30, "00:00", "07:00");
        assertThat(shorter.limits().quietFrom()).isEqualTo("23:00");
        assertThat(shorter.pending().quietFrom()).isEqualTo("00:00");
        Views.Wellbeing elsewhere = send(wire, new ClientMessage.WellbeingSet(wire.nextId(), 30, "23:00", "07:00", "Pacific/Kiritimati", null));
        assertThat(elsewhere.limits().timeZone()).isEqualTo("UTC");
        assertThat(elsewhere.pending().timeZone()).isEqualTo("Pacific/Kiritimati");

        CLOCK.advance(Duration.ofHours(24).plusMinutes(1));
        Views.Wellbeing later = show(wire);
        assertThat(later.limits().timeZone()).isEqualTo("Pacific/Kiritimati");
        assertThat(later.pending()).isNull();
    }

    @Test
    void selfExclusionEndsEverySessionAndNoRequestShortensIt() throws Exception {
        TestServer.User user = SERVER.register("exclude");
        Wire phone = SERVER.connect(user);
        Wire laptop = SERVER.connect(user);
        phone.send(new ClientMessage.WellbeingExclude(phone.nextId(), "7d"));
        phone.send(new ClientMessage.WellbeingExclude(phone.nextId(), "24h"));
        long until = phone.expect(ServerMessage.WellbeingInfo.class).wellbeing().excludedUntil();
        assertThat(until).isBetween(CLOCK.millis() + Duration.ofDays(7).toMillis() - 5_000, CLOCK.millis() + Duration.ofDays(7).toMillis());
        assertThat(phone.closeCode(Duration.ofSeconds(10))).isEqualTo(CloseCodes.SESSION_ENDED);
        assertThat(laptop.closeCode(Duration.ofSeconds(10))).isEqualTo(CloseCodes.SESSION_ENDED);
        assertThat(laptop.expectError("excluded").retryAfterMs()).isPositive();

        HttpResponse<String> login = login(user);
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.body()).contains("excluded");
        // An operator can see it, and no command lifts it: neither an exclusion option nor the moderators' lifting of sanctions.
        assertThat(SERVER.admin("exclusion", user.username())).isZero();
        assertThat(SERVER.admin("exclusion", user.username(), "--lift")).isNotZero();
        SERVER.admin("unsuspend", user.username());
        SERVER.admin("unban", user.username());
        assertThat(login(user).body()).contains("excluded");
        assertThat(SERVER.post("/api/tickets", Map.of(), user.token()).body()).contains("excluded");
        CLOCK.advance(Duration.ofDays(6));
        assertThat(login(user).body()).contains("excluded");
        CLOCK.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(login(user).statusCode()).isEqualTo(200);
    }

    @Test
    void aBreakReminderComesAfterTheChosenMinutesOfUseOnEnd() {
        Wire wire = SERVER.connect(SERVER.register("breaks"));
        send(wire, new ClientMessage.WellbeingSet(wire.nextId(), null, null, null, "UTC", 10));
        for (int minute = 1; minute <= 9; minute++) {
            CLOCK.advance(Duration.ofMinutes(1));
            active(wire);
            int expected = minute;
            awaitWellbeing(wire, wellbeing -> wellbeing.minutesToday() >= expected);
        }
        wire.expectNo(ServerMessage.WellbeingBreak.class, Duration.ofMillis(200));
        CLOCK.advance(Duration.ofMinutes(1));
        active(wire);
        assertThat(wire.expect(ServerMessage.WellbeingBreak.class).minutes()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void malformedLimitsAreRefusedAndChangeNothing() {
        Wire wire = SERVER.connect(SERVER.register("malformed"));
        set(wire, 45, null, null);
        for (String bad : new String[] {
                "{\"type\":\"wellbeing.set\",\"id\":\"b1\",\"dailyMinutes\":5,\"timeZone\":\"UTC\"}",
                "{\"type\":\"wellbeing.set\",\"id\":\"b2\",\"dailyMinutes\":30,\"quietFrom\":\"22:00\",\"timeZone\":\"UTC\"}",
                "{\"type\":\"wellbeing.set\",\"id\":\"b3\",\"quietFrom\":\"25:00\",\"quietUntil\":\"07:00\",\"timeZone\":\"UTC\"}",
                "{\"type\":\"wellbeing.set\",\"id\":\"b4\",\"dailyMinutes\":30,\"timeZone\":\"Mars/Olympus\"}",
                "{\"type\":\"wellbeing.set\",\"id\":\"b5\",\"quietFrom\":\"07:00\",\"quietUntil\":\"07:00\",\"timeZone\":\"UTC\"}",
                "{\"type\":\"wellbeing.set\",\"id\":\"b6\",\"breakMinutes\":1,\"timeZone\":\"UTC\"}",
                "{\"type\":\"wellbeing.exclude\",\"id\":\"b7\",\"period\":\"1h\"}",
                "{\"type\":\"wellbeing.exclude\",\"id\":\"b8\"}"}) {
            wire.sendJson(bad);
            wire.expectError("invalid_message");
        }
        assertThat(show(wire).limits().dailyMinutes()).isEqualTo(45);
        assertThat(show(wire).excludedUntil()).isNull();
    }

    private static Views.Wellbeing set(Wire wire, Integer dailyMinutes, String quietFrom, String quietUntil) {
        return send(wire, new ClientMessage.WellbeingSet(wire.nextId(), dailyMinutes, quietFrom, quietUntil, "UTC", null));
    }

    private static Views.Wellbeing show(Wire wire) {
        return send(wire, new ClientMessage.WellbeingShow(wire.nextId()));
    }

    private static Views.Wellbeing send(Wire wire, ClientMessage request) {
        wire.send(request);
        return wire.expect(ServerMessage.WellbeingInfo.class).wellbeing();
    }

    /** Something a person does, which makes the socket's minutes count. */
    private static void active(Wire wire) {
        wire.send(new ClientMessage.PersonaList(wire.nextId()));
        wire.expect(ServerMessage.Personas.class);
    }

    private static void awaitWellbeing(Wire wire, Predicate<Views.Wellbeing> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.test(show(wire))) {
            if (System.nanoTime() > deadline) throw new AssertionError("wellbeing never reached the expected state: " + show(wire));
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String personaOf(Wire wire) {
        wire.send(new ClientMessage.PersonaList(wire.nextId()));
        return wire.expect(ServerMessage.Personas.class).personas().getFirst().id();
    }

    private static HttpResponse<String> login(TestServer.User user) {
        return SERVER.post("/api/login", Map.of("username", user.username(), "password", user.password()), null);
    }
}
