import { describe, expect, test } from "vitest";
import { describe as described, duration, keepsOut, keptOutText, lastDays, limitsOf, warningText, when } from "./wellbeing";

const at = (text: string) => Date.parse(text);
const form = { dailyMinutes: "90", quietFrom: "23:30", quietUntil: "07:00", timeZone: "Europe/Berlin", breakMinutes: "45" };

describe("the person's own limits", () => {
  test("the warning says the time on the clock of the person's zone", () => {
    expect(warningText("daily_limit", at("2026-12-04T20:40:00Z"), "Europe/Berlin")).toBe("Today's time runs out at 21:40.");
    expect(warningText("quiet_hours", at("2026-12-04T22:30:00Z"), "Europe/Berlin")).toBe("Quiet hours begin at 23:30.");
  });

  test("until when: today by the clock, tomorrow by name, later by the date", () => {
    const now = at("2026-12-04T20:00:00Z");
    expect(when(at("2026-12-04T22:00:00Z"), now, "UTC")).toBe("at 22:00");
    expect(when(at("2026-12-05T07:00:00Z"), now, "UTC")).toBe("tomorrow at 07:00");
    expect(when(at("2026-12-11T20:00:00Z"), now, "UTC")).toBe("on 11 December 2026 at 20:00");
  });

  test("the closed page says until when, and for an exclusion that nobody lifts it and where help is", () => {
    const now = at("2026-12-04T20:00:00Z");
    expect(keptOutText("daily_limit", at("2026-12-05T00:00:00Z"), now, "UTC").lines[0]).toContain("opens again for you tomorrow at 00:00");
    expect(keptOutText("quiet_hours", at("2026-12-05T07:00:00Z"), now, "UTC").title).toBe("Quiet hours");
    const excluded = keptOutText("excluded", at("2026-12-11T20:00:00Z"), now, "UTC");
    expect(excluded.lines[0]).toBe("You excluded yourself until 11 December 2026 at 20:00. Nobody can lift it early, not even the operator.");
    expect(excluded.lines[1]).toContain("helpline");
  });

  test("only the limits' codes keep someone out; other failures stay failures", () => {
    expect(["daily_limit", "quiet_hours", "excluded"].every(keepsOut)).toBe(true);
    expect(keepsOut("suspended")).toBe(false);
    expect(keepsOut("invalid_credentials")).toBe(false);
  });

  test("durations and descriptions in words", () => {
    expect(duration(45)).toBe("45 minutes");
    expect(duration(60)).toBe("1 hour");
    expect(duration(90)).toBe("1 hour 30 minutes");
    expect(described({ dailyMinutes: null, quietFrom: null, quietUntil: null, timeZone: "UTC", breakMinutes: 30 }))
      .toEqual(["No daily budget.", "No quiet hours.", "A reminder to take a break after 30 minutes on end.", "Days and hours in UTC."]);
  });

  test("the form becomes the request, empty fields meaning none", () => {
    expect(limitsOf(form)).toEqual({ dailyMinutes: 90, quietFrom: "23:30", quietUntil: "07:00", timeZone: "Europe/Berlin", breakMinutes: 45 });
    expect(limitsOf({ ...form, dailyMinutes: " ", quietFrom: "", quietUntil: "", breakMinutes: "" }))
      .toEqual({ dailyMinutes: null, quietFrom: null, quietUntil: null, timeZone: "Europe/Berlin", breakMinutes: null });
  });

  test("the form refuses what the server would, saying the rule", () => {
    const problem = (change: Partial<typeof form>) => (limitsOf({ ...form, ...change }) as { problem?: string }).problem;
    expect(problem({ dailyMinutes: "10" })).toContain("15 to 1,440");
    expect(problem({ dailyMinutes: "1441" })).toContain("15 to 1,440");
    expect(problem({ dailyMinutes: "1.5" })).toContain("15 to 1,440");
    expect(problem({ breakMinutes: "5" })).toContain("10 to 240");
    expect(problem({ quietUntil: "" })).toContain("both");
    expect(problem({ quietFrom: "25:00" })).toContain("HH:MM");
    expect(problem({ quietFrom: "07:00" })).toContain("cannot start when they end");
    expect(problem({ timeZone: "Mars/Olympus" })).toContain("time zone");
    expect(problem({ timeZone: "" })).toContain("time zone");
  });

  test("the chart has each of the last 30 days, the ones without use at zero", () => {
    const bars = lastDays([{ date: "2026-12-03", minutes: 75 }, { date: "2026-12-04", minutes: 42 }, { date: "2026-10-01", minutes: 9 }],
      at("2026-12-04T23:30:00Z"), "Europe/Berlin");
    expect(bars).toHaveLength(30);
    // 23:30 UTC is already the 5th in Berlin.
    expect(bars.at(-1)).toEqual({ date: "2026-12-05", label: "5 Dec", minutes: 0 });
    expect(bars.at(-2)?.minutes).toBe(42);
    expect(bars[0].date).toBe("2026-11-06");
    expect(bars.reduce((sum, bar) => sum + bar.minutes, 0)).toBe(117);
  });
});
