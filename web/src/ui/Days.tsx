import { dayName } from "../app/days";

/**
 * Where a day's lines begin: a heading, so that a screen reader can go from day to day as from
 * section to section, under the view's one h1.
 */
export function DayHeading({ at }: { at: number }) {
  return <li class="day"><h2>{dayName(at, Date.now())}</h2></li>;
}
