import { signal } from "@preact/signals";

/** The person's own limits, as docs/protocol.md "Wellbeing" has them; null fields are unset. */
export interface Limits { dailyMinutes: number | null; quietFrom: string | null; quietUntil: string | null; timeZone: string; breakMinutes: number | null }
/** The `wellbeing` reply: the limits in force, a loosening waiting and when it takes effect, a self-exclusion's end, and the usage. */
export interface Wellbeing {
  limits: Limits; pending: Limits | null; pendingFrom: number | null; excludedUntil: number | null;
  minutesToday: number; days: { date: string; minutes: number }[];
}

/** The error codes with which the server keeps the account out for a while, on its own wish. */
export type KeptOutCode = "daily_limit" | "quiet_hours" | "excluded";
const KEPT_OUT_CODES: readonly string[] = ["daily_limit", "quiet_hours", "excluded"];
/** Whether an error code says that the person's own limit keeps them out, rather than that something failed. */
export const keepsOut = (code: string): code is KeptOutCode => KEPT_OUT_CODES.includes(code);

/** Why and until when Tryst is closed to this person: set when a limit ends the session or refuses the log-in. */
export const keptOut = signal<{ code: KeptOutCode; until: number } | null>(null);
/** The warning that a limit is five minutes away, until the session ends or the person dismisses it. */
export const warning = signal<{ reason: "daily_limit" | "quiet_hours"; endsAt: number } | null>(null);
/** A break reminder: minutes of use on end, until dismissed. */
export const breakReminder = signal<number | null>(null);

/** The periods of self-exclusion the server offers, with their names. */
export const EXCLUSION_PERIODS = [
  ["24h", "24 hours"], ["7d", "7 days"], ["30d", "30 days"], ["6mo", "6 months"], ["1y", "1 year"], ["5y", "5 years"],
] as const;
export type ExclusionPeriod = (typeof EXCLUSION_PERIODS)[number][0];

/** The browser's time zone, which a new set of limits is counted in unless the person chooses another. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A time as the clock shows it ("21:40"), in the browser's time zone unless another is given. */
export function clock(at: number, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(at);
}

/** A day as a calendar says it (2026-12-04), in a time zone. */
export function isoDate(at: number, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(at);
}

/**
 * When something happens, in words: "at 21:40" today, "tomorrow at 07:00", or the date and time
 * further off ("on 11 December 2026 at 20:49").
 */
export function when(at: number, now: number, timeZone?: string): string {
  const day = isoDate(at, timeZone);
  if (day === isoDate(now, timeZone)) return `at ${clock(at, timeZone)}`;
  if (day === isoDate(now + 86_400_000, timeZone) && at - now < 2 * 86_400_000) return `tomorrow at ${clock(at, timeZone)}`;
  const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone }).format(at);
  return `on ${date} at ${clock(at, timeZone)}`;
}

/** The banner five minutes before a limit: "Today's time runs out at 21:40", "Quiet hours begin at 23:30". */
export function warningText(reason: "daily_limit" | "quiet_hours", endsAt: number, timeZone?: string): string {
  return reason === "daily_limit" ? `Today's time runs out at ${clock(endsAt, timeZone)}.` : `Quiet hours begin at ${clock(endsAt, timeZone)}.`;
}

/** A break reminder in words. */
export function breakText(minutes: number): string {
  return `You have been here ${duration(minutes)} on end. A good moment for a break.`;
}

/** What the page says while a limit keeps the person out: a heading and the calm words beneath it. */
export function keptOutText(code: KeptOutCode, until: number, now: number, timeZone?: string): { title: string; lines: string[] } {
  const opens = when(until, now, timeZone);
  switch (code) {
    case "daily_limit": return { title: "That was today's time", lines: [`You set a daily limit, and today's is used up. Tryst opens again for you ${opens}.`,
      "Your conversations wait for you. The others see only that you went offline."] };
    case "quiet_hours": return { title: "Quiet hours", lines: [`These are the quiet hours you set. Tryst opens again for you ${opens}.`,
      "Your conversations wait for you. The others see only that you went offline."] };
    case "excluded": return { title: "You are taking a break from Tryst", lines: [`You excluded yourself until ${when(until, now, timeZone).replace(/^(at|on) /, "")}.`
      + " Nobody can lift it early, not even the operator.",
      "If you want to talk to someone about it, a helpline listens, free and in confidence."] };
  }
}

/** Minutes in words: "45 minutes", "1 hour", "1 hour 30 minutes". */
export function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 1 ? "1 hour" : `${hours} hours`;
  const m = rest === 1 ? "1 minute" : `${rest} minutes`;
  return hours === 0 ? m : rest === 0 ? h : `${h} ${m}`;
}

/** The limits in one line each, as the page and `/limits` list them. */
export function describe(limits: Limits): string[] {
  return [
    limits.dailyMinutes === null ? "No daily budget." : `At most ${duration(limits.dailyMinutes)} a day.`,
    limits.quietFrom === null ? "No quiet hours." : `Quiet hours from ${limits.quietFrom} until ${limits.quietUntil}.`,
    limits.breakMinutes === null ? "No break reminders." : `A reminder to take a break after ${duration(limits.breakMinutes)} on end.`,
    `Days and hours in ${limits.timeZone}.`,
  ];
}

/** What the form holds, as typed: empty fields are "none". */
export interface LimitsForm { dailyMinutes: string; quietFrom: string; quietUntil: string; timeZone: string; breakMinutes: string }

/** The form's values from limits in force (or a loosening waiting), for editing. */
export function formOf(limits: Limits): LimitsForm {
  const text = (value: number | null) => (value === null ? "" : String(value));
  return { dailyMinutes: text(limits.dailyMinutes), quietFrom: limits.quietFrom ?? "", quietUntil: limits.quietUntil ?? "",
    timeZone: limits.timeZone, breakMinutes: text(limits.breakMinutes) };
}

/** The form as the server's `wellbeing.set` takes it, or what is wrong with it in the server's rules. */
export function limitsOf(form: LimitsForm): Limits | { problem: string } {
  const whole = (text: string) => (text.trim() === "" ? null : /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);
  const daily = whole(form.dailyMinutes);
  if (daily !== null && !(daily >= 15 && daily <= 1440)) return { problem: "A daily budget is 15 to 1,440 minutes, or empty for none." };
  const breaks = whole(form.breakMinutes);
  if (breaks !== null && !(breaks >= 10 && breaks <= 240)) return { problem: "Break reminders come every 10 to 240 minutes, or leave it empty for none." };
  const from = form.quietFrom.trim();
  const until = form.quietUntil.trim();
  if ((from === "") !== (until === "")) return { problem: "Quiet hours need both a start and an end, or neither." };
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (from !== "" && (!time.test(from) || !time.test(until))) return { problem: "Write quiet hours as HH:MM, for example 23:30." };
  if (from !== "" && from === until) return { problem: "Quiet hours cannot start when they end." };
  const timeZone = form.timeZone.trim();
  if (!validZone(timeZone)) return { problem: "That is no time zone this browser knows; write one such as Europe/Berlin." };
  return { dailyMinutes: daily, quietFrom: from || null, quietUntil: until || null, timeZone, breakMinutes: breaks };
}

function validZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** One bar of the usage chart: a day, its short name, and its minutes (0 when the person was not here). */
export interface UsageBar { date: string; label: string; minutes: number }

/** The last 30 days up to today (in the limits' time zone), oldest first, every day present. */
export function lastDays(days: readonly { date: string; minutes: number }[], now: number, timeZone: string): UsageBar[] {
  const byDate = new Map(days.map((day) => [day.date, day.minutes]));
  const [year, month, date] = isoDate(now, timeZone).split("-").map(Number);
  const bars: UsageBar[] = [];
  for (let back = 29; back >= 0; back--) {
    // Calendar arithmetic at noon UTC, which no time zone's offset moves onto another date.
    const day = new Date(Date.UTC(year, month - 1, date - back, 12));
    const iso = day.toISOString().slice(0, 10);
    const label = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(day);
    bars.push({ date: iso, label, minutes: byDate.get(iso) ?? 0 });
  }
  return bars;
}
