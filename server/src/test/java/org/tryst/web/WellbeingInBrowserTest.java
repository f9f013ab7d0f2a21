package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.openFromList;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.wellbeing.UsedMinutes;
import org.tryst.testkit.Browser;

/**
 * A person's own limits in real Chromium, with the server's clock moved by hand: a budget set on
 * the Limits page warns in a banner and then closes Tryst with a calm page saying until when (the
 * log-in page says the same); a self-exclusion is confirmed in plain words and refuses the next
 * log-in with its end; and the last 30 days of use show as a chart with the same numbers in a table.
 */
class WellbeingInBrowserTest {
    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with(CLOCK).with("TRYST_WELLBEING_SWEEP_SECONDS", "1");
    @RegisterExtension
    static final Chromium browser = new Chromium();

    @BeforeAll
    static void startAtTenInTheMorning() {
        UsedMinutes.startTomorrowAt(CLOCK, 10);
    }

    @Test
    void aBudgetSetInThePageWarnsThenClosesTrystUntilTomorrow() throws Exception {
        Browser.Page page = browser.open(SERVER.origin());
        String username = TestServer.uniqueName("budgeted");
        InBrowser.registerWithPersona(page, username, TestServer.uniqueName("Sparrow"));
        openFromList(page, "Limits");
        page.sees(text("No daily budget."));

        page.fill(label("Daily time budget, in minutes"), "10");
        page.fill(label("Time zone your days and hours are counted in"), "UTC");
        page.click(role("button", "Save limits"));
        page.sees(text("A daily budget is 15 to 1,440 minutes, or empty for none."));
        page.fill(label("Daily time budget, in minutes"), "15");
        page.click(role("button", "Save limits"));
        page.sees(text("Saved. Your limits apply now, on every device."));
        page.sees(text("At most 15 minutes a day."));

        // A looser budget waits a day, and the page says so and from when.
        page.fill(label("Daily time budget, in minutes"), "60");
        page.click(role("button", "Save limits"));
        // The server's clock runs a day ahead of the browser's here, so the day is named by its date.
        page.sees(text("Saved. What is stricter applies now; what is looser takes effect on"));
        page.sees(role("heading", "Waiting: looser limits, in force on"));
        page.sees(text("At most 1 hour a day."));
        page.screenshot(SHOTS.resolve("limits.png"));

        UsedMinutes.seed(SERVER, username, UsedMinutes.today(CLOCK), 13);
        CLOCK.advance(Duration.ofMinutes(1));
        page.sees(text("Today's time runs out at"));
        page.screenshot(SHOTS.resolve("limits-warning.png"));

        CLOCK.advance(Duration.ofMinutes(1));
        page.sees(role("heading", "That was today's time"));
        page.sees(text("Tryst opens again for you tomorrow at"));
        assertThat(page.count(role("navigation", "Conversations"))).as("nothing of the app stays on the page").isZero();
        page.screenshot(SHOTS.resolve("limits-used-up.png"));

        page.click(role("button", "Back to the log-in page"));
        InBrowser.logIn(page, username);
        page.sees(role("heading", "That was today's time"));
        page.resize(390, 844);
        page.screenshot(SHOTS.resolve("limits-used-up-phone.png"));
    }

    @Test
    void aSelfExclusionIsConfirmedAndTheLogInPageSaysUntilWhen() {
        Browser.Page page = browser.open(SERVER.origin(), 390, 844);
        String username = TestServer.uniqueName("excluded");
        InBrowser.registerWithPersona(page, username, TestServer.uniqueName("Heron"));
        openFromList(page, "Limits");
        page.check(label("30 days").exactly());
        page.click(role("button", "Exclude me for 30 days…"));
        page.sees(text("Nobody can lift it early: not you, not a moderator, not even the operator."));
        page.screenshot(SHOTS.resolve("exclusion-confirm-phone.png"));
        page.click(role("button", "No, go back"));
        page.seesNo(role("button", "Yes, exclude me for 30 days"));

        page.click(role("button", "Exclude me for 30 days…"));
        page.click(role("button", "Yes, exclude me for 30 days"));
        page.sees(role("heading", "You are taking a break from Tryst"));
        page.sees(text("Nobody can lift it early, not even the operator."));
        page.sees(role("link", "Find A Helpline"));
        page.screenshot(SHOTS.resolve("excluded-phone.png"));

        page.click(role("button", "Back to the log-in page"));
        InBrowser.logIn(page, username);
        page.sees(role("heading", "You are taking a break from Tryst"));
        page.sees(text("You excluded yourself until"));
        // Reloading with the session still in its cookie: the ticket is refused, and the page says the same.
        page.reload();
        page.sees(text("You excluded yourself until"));
        page.resize(1280, 800);
        page.screenshot(SHOTS.resolve("excluded.png"));
    }

    @Test
    void theLastThirtyDaysShowAsAChartAndATable() throws Exception {
        Browser.Page page = browser.open(SERVER.origin());
        String username = TestServer.uniqueName("counted");
        InBrowser.registerWithPersona(page, username, TestServer.uniqueName("Finch"));
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
        int[] minutes = {40, 0, 95, 20, 130, 60, 15, 0, 75, 50, 0, 110};
        for (int back = 0; back < minutes.length; back++) {
            if (minutes[back] > 0) UsedMinutes.seed(SERVER, username, today.minusDays(back + 1), minutes[back]);
        }
        openFromList(page, "Limits");
        page.fill(label("Daily time budget, in minutes"), "90");
        page.fill(label("Time zone your days and hours are counted in"), "UTC");
        page.click(role("button", "Save limits"));
        page.sees(text("Saved. Your limits apply now, on every device."));
        page.sees(role("img", "Your use, the last 30 days"));
        page.sees(text("The line is your daily budget of 1 hour 30 minutes."));
        page.click(text("The days as a table"));
        page.sees(role("cell", "130"));
        assertThat(page.count(role("row"))).as("a heading row and each of 30 days").isEqualTo(31);
        page.screenshot(SHOTS.resolve("usage.png"));
        page.resize(390, 844);
        page.sees(role("img", "Your use, the last 30 days"));
        page.screenshot(SHOTS.resolve("usage-phone.png"));
    }

    @Test
    void aBreakReminderComesAfterTheMinutesOnEndAndIsDismissed() {
        Browser.Page page = browser.open(SERVER.origin(), 390, 844);
        InBrowser.registerWithPersona(page, TestServer.uniqueName("resting"), TestServer.uniqueName("Robin"));
        openFromList(page, "Limits");
        page.fill(label("Remind me to take a break after this many minutes on end"), "10");
        page.click(role("button", "Save limits"));
        page.sees(text("A reminder to take a break after 10 minutes on end."));
        page.screenshot(SHOTS.resolve("limits-phone.png"));
        // Ten minutes on end: saving again every few minutes is what keeps the person active.
        for (int step = 0; step < 3; step++) {
            CLOCK.advance(Duration.ofMinutes(4));
            page.click(role("button", "Save limits"));
            page.sees(text("Saved. Your limits apply now, on every device."));
        }
        page.sees(text("You have been here"));
        page.sees(text("A good moment for a break."));
        page.screenshot(SHOTS.resolve("break-reminder-phone.png"));
        page.click(role("button", "Dismiss").within(role("region", "Notifications")));
        page.seesNo(text("A good moment for a break."));
    }
}
