/** The days of a conversation, in the person's own time zone: where one ends and the next begins, and what each is called. */

/** Midnight at the start of the local day a time falls on. */
function startOfDay(at: number): number {
  const day = new Date(at);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Whether a line begins a new day: the first line, or one on another local day than the line before it. */
export function startsDay(previous: { at: number } | undefined, line: { at: number }): boolean {
  return previous === undefined || startOfDay(previous.at) !== startOfDay(line.at);
}

/**
 * What a day is called beside its lines: "Today", "Yesterday", or its date with the weekday (and
 * the year, when it is not this year's), in the browser's language.
 */
export function dayName(at: number, now: number, locales?: string | string[]): string {
  const today = startOfDay(now);
  const day = startOfDay(at);
  if (day === today) return "Today";
  // The day before today's midnight, whatever its length (a change of summer time makes it 23 or 25 hours).
  if (day === startOfDay(today - 1)) return "Yesterday";
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return new Date(at).toLocaleDateString(locales, { weekday: "long", day: "numeric", month: "long", ...(sameYear ? {} : { year: "numeric" }) });
}
