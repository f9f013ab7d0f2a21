import { describe, expect, test } from "vitest";
import { dayName, startsDay } from "./days";

const at = (text: string) => new Date(text).getTime();

describe("the days of a conversation", () => {
  const now = at("2026-03-12T15:00:00");

  test("today and yesterday by name, local midnight to local midnight", () => {
    expect(dayName(at("2026-03-12T00:00:00"), now)).toBe("Today");
    expect(dayName(at("2026-03-11T23:59:59"), now)).toBe("Yesterday");
    expect(dayName(at("2026-03-11T00:00:00"), now)).toBe("Yesterday");
  });

  test("older days by their date with the weekday, and the year only when it is another", () => {
    // The comma after the weekday is the locale data's choice, which differs between ICU versions.
    expect(dayName(at("2026-03-09T10:00:00"), now, "en-GB")).toMatch(/^Monday,? 9 March$/);
    expect(dayName(at("2025-12-31T10:00:00"), now, "en-GB")).toMatch(/^Wednesday,? 31 December 2025$/);
  });

  test("a day begins at the first line and wherever the date changes between two lines", () => {
    expect(startsDay(undefined, { at: now })).toBe(true);
    expect(startsDay({ at: at("2026-03-12T08:00:00") }, { at: now })).toBe(false);
    expect(startsDay({ at: at("2026-03-11T23:59:00") }, { at: at("2026-03-12T00:01:00") })).toBe(true);
  });
});
