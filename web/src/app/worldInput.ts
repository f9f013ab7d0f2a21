/**
 * The world's command line as a MUD client's: the lines sent, recalled with up and down (what was
 * being typed comes back below the newest), and Tab completing the name being typed from the
 * names of who and what is here and of the exits, again and again to go through the others.
 */

/** The lines sent, oldest first; `at` is the one shown (`lines.length`: the line being typed, kept in `draft`). */
export interface History { lines: readonly string[]; at: number; draft: string }

export const NO_HISTORY: History = { lines: [], at: 0, draft: "" };
/** Lines remembered at the most. */
const KEPT = 100;

/** A line was sent: it is the newest, unless it repeats the newest, and the next is typed afresh. */
export function remember(history: History, line: string): History {
  const keep = line.trim() !== "" && history.lines.at(-1) !== line;
  const lines = keep ? [...history.lines, line].slice(-KEPT) : history.lines;
  return { lines, at: lines.length, draft: "" };
}

/** Up: the line sent before the one shown, keeping what was typed when leaving it. */
export function older(history: History, shown: string): { history: History; text: string } {
  if (history.at === 0) return { history, text: shown };
  const draft = history.at === history.lines.length ? shown : history.draft;
  const at = history.at - 1;
  return { history: { ...history, at, draft }, text: history.lines[at] };
}

/** Down: the line sent after the one shown, and after the newest, what was being typed. */
export function newer(history: History, shown: string): { history: History; text: string } {
  if (history.at >= history.lines.length) return { history, text: shown };
  const at = history.at + 1;
  return { history: { ...history, at }, text: at === history.lines.length ? history.draft : history.lines[at] };
}

/** A completion in progress: the line up to the name being completed, the names that fit, and the one shown. */
export interface Completion { before: string; options: readonly string[]; index: number }

/** The line with a completion's chosen name. */
export const completed = (completion: Completion) => completion.before + completion.options[completion.index];

/**
 * Tab: completes the end of the line to one of the names. The part completed is the longest end
 * of the line, starting after a space or `=` (or at its start), that begins a name or a word of
 * one, so that `look a st` and `look sto` both become `look a stone fountain`. Null when nothing fits.
 */
export function complete(line: string, names: readonly string[]): Completion | null {
  const starts = [0, ...[...line].flatMap((char, index) => (char === " " || char === "=" ? [index + 1] : []))];
  for (const start of starts) {
    const options = fitting(line.slice(start), names);
    if (options.length > 0) return { before: line.slice(0, start), options, index: 0 };
  }
  return null;
}

/** Tab again: the next name that fits, and after the last, the first. */
export function cycle(completion: Completion): Completion {
  return { ...completion, index: (completion.index + 1) % completion.options.length };
}

/** The names a fragment begins, whole names first, then names with a word it begins; each once, in alphabetical order. */
function fitting(fragment: string, names: readonly string[]): string[] {
  const typed = fragment.toLowerCase();
  const unique = [...new Set(names)].sort((a, b) => a.localeCompare(b));
  const whole = unique.filter((name) => name.toLowerCase().startsWith(typed));
  const words = typed.includes(" ") ? [] : unique.filter((name) => !whole.includes(name)
    && name.toLowerCase().split(/\s+/).slice(1).some((word) => word.startsWith(typed)));
  return [...whole, ...words];
}
