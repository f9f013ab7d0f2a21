import { signal } from "@preact/signals";

/**
 * What is new in each conversation the person is in, by conversation key (see `conversationKey`):
 * lines not seen yet, how many of them name one of the person's personas, when the last line came,
 * and the first line not seen, where the conversation shows its "new" marker.
 */
export interface Activity { unread: number; mentions: number; last: number; firstUnread: string | null }

/** A line as activity counts it: whose it is, when it came, and whether it names the person. */
export interface Heard { id: string; at: number; mine: boolean; mentionsMe: boolean }

export const activity = signal<ReadonlyMap<string, Activity>>(new Map());

const QUIET: Activity = { unread: 0, mentions: 0, last: 0, firstUnread: null };

/**
 * A line arrived. The person's own lines, and lines where they are looking, only move the
 * conversation up the list; any other line is unread until the conversation is opened.
 */
export function count(known: ReadonlyMap<string, Activity>, key: string, line: Heard, looking: boolean): ReadonlyMap<string, Activity> {
  const before = known.get(key) ?? QUIET;
  const last = Math.max(before.last, line.at);
  const next = looking || line.mine
    ? { ...before, last }
    : { unread: before.unread + 1, mentions: before.mentions + (line.mentionsMe ? 1 : 0), last, firstUnread: before.firstUnread ?? line.id };
  return new Map(known).set(key, next);
}

/** A conversation the person entered (a channel joined, a scene opened) starts with nothing unread, at the time of its last line. */
export function entered(known: ReadonlyMap<string, Activity>, key: string, at: number): ReadonlyMap<string, Activity> {
  const before = known.get(key);
  if (before && before.last >= at) return known;
  return new Map(known).set(key, { ...(before ?? QUIET), last: at });
}

/** The person saw the conversation: nothing in it is unread any more. */
export function read(known: ReadonlyMap<string, Activity>, key: string): ReadonlyMap<string, Activity> {
  const before = known.get(key);
  if (!before || (before.unread === 0 && before.firstUnread === null)) return known;
  return new Map(known).set(key, { ...before, unread: 0, mentions: 0, firstUnread: null });
}

/**
 * Where the person stands in a conversation as the server counts it (on connecting): `unread` lines
 * not theirs, which are the newest such of `lines` (oldest first), with the marker at the first of
 * them, or at the first line held when the server counts more than are held.
 */
export function stands(known: ReadonlyMap<string, Activity>, key: string, lines: readonly Heard[], unread: number, at: number): ReadonlyMap<string, Activity> {
  const before = known.get(key) ?? QUIET;
  const news = newest(lines, unread);
  return new Map(known).set(key, {
    unread, mentions: news.filter((line) => line.mentionsMe).length, last: Math.max(before.last, at), firstUnread: news[0]?.id ?? null,
  });
}

/**
 * Another of the person's devices read the conversation up to a line (`upTo`, an id): what is
 * unread here is what came after it, never more than before. A line older than all those held
 * says nothing of them; one newer than all, or the newest, leaves nothing unread.
 */
export function readUpTo(known: ReadonlyMap<string, Activity>, key: string, lines: readonly Heard[], upTo: string): ReadonlyMap<string, Activity> {
  const before = known.get(key);
  if (!before || before.unread === 0) return known;
  if (lines.length > 0 && upTo < lines[0].id) return known;
  // Ids are time-ordered: sorting by id sorts by time (docs/protocol.md).
  const after = lines.filter((line) => line.id > upTo && !line.mine);
  const unread = Math.min(before.unread, after.length);
  if (unread === before.unread) return known;
  const news = newest(lines, unread);
  return new Map(known).set(key, { ...before, unread, mentions: news.filter((line) => line.mentionsMe).length, firstUnread: news[0]?.id ?? null });
}

/** The newest `count` lines not the person's, oldest first; all of them when there are fewer. */
function newest(lines: readonly Heard[], count: number): Heard[] {
  if (count <= 0) return [];
  const others = lines.filter((line) => !line.mine);
  return others.slice(Math.max(0, others.length - count));
}

/** A count as a badge shows it: past 99, "99+". */
export function shownCount(count: number): string {
  return count > 99 ? "99+" : String(count);
}

/** The conversation is gone (left, ended, closed). */
export function dropped(known: ReadonlyMap<string, Activity>, key: string): ReadonlyMap<string, Activity> {
  if (!known.has(key)) return known;
  const next = new Map(known);
  next.delete(key);
  return next;
}

/**
 * Whether a line names one of the given persona names as a word of its own, in any case: "Juno,
 * look" and "@juno" name Juno; "Junopolis" does not.
 */
export function mentions(text: string, names: readonly string[]): boolean {
  return namedAt(text, names).length > 0;
}

/** Where in a line the names stand as words of their own, as `mentions` finds them: each one's start and end, in order. */
export function namedAt(text: string, names: readonly string[]): [number, number][] {
  const words = names.filter(Boolean).sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (words.length === 0) return [];
  const named = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.join("|")})(?![\\p{L}\\p{N}_])`, "giu");
  return [...text.matchAll(named)].map((found): [number, number] => [found.index, found.index + found[0].length]);
}

/** Conversation keys, newest activity first; those without any, in the order given. */
export function newestFirst(keys: readonly string[], known: ReadonlyMap<string, Activity>): string[] {
  return keys.map((key, index) => ({ key, index, last: known.get(key)?.last ?? 0 }))
    .sort((a, b) => b.last - a.last || a.index - b.index)
    .map((entry) => entry.key);
}
