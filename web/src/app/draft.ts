import { signal } from "@preact/signals";

/** A line that left the message box, numbered in the order it was sent. */
export interface Sent { seq: number; text: string }

/**
 * A message box: what is typed in it now, the lines sent from it that the server has not answered
 * yet, and the refused lines put back at its front (while the person leaves them as they are).
 */
export interface Draft { text: string; sending: readonly Sent[]; restored: readonly Sent[] }

export const EMPTY: Draft = { text: "", sending: [], restored: [] };

const joined = (lines: readonly Sent[]) => lines.map((line) => line.text).join(" ");

/** The person typed: what was put back stays known as such only while it is still at the front, unchanged. */
export function typed(draft: Draft, text: string): Draft {
  return { ...draft, text, restored: text.startsWith(joined(draft.restored)) ? draft.restored : [] };
}

/** The line leaves the box as it is sent, so that what is typed next starts in an empty box. */
export function sent(draft: Draft, line: Sent): Draft {
  return { text: "", sending: [...draft.sending, line], restored: [] };
}

/** The server took the line: nothing more to keep of it. */
export function answered(draft: Draft, seq: number): Draft {
  return { ...draft, sending: draft.sending.filter((line) => line.seq !== seq) };
}

/**
 * The server refused the line, or the connection dropped before it answered: the line goes back to
 * the front of the box, after other refused lines sent before it and before whatever was typed since.
 */
export function refused(draft: Draft, seq: number): Draft {
  const line = draft.sending.find((waiting) => waiting.seq === seq);
  if (!line) return draft;
  const front = joined(draft.restored);
  const since = draft.text.slice(front.length).trim();
  const restored = [...draft.restored, line].sort((a, b) => a.seq - b.seq);
  const text = since ? `${joined(restored)} ${since}` : joined(restored);
  return { text, sending: draft.sending.filter((waiting) => waiting.seq !== seq), restored };
}

/**
 * Each conversation's message box, by conversation key: what is typed there stays when the person
 * goes elsewhere, and a line refused after they left comes back to its own box. In memory only, so
 * that nothing typed (in a scene least of all) is ever written to the disk; logging out or hiding
 * the page forgets it.
 */
export const drafts = signal<ReadonlyMap<string, Draft>>(new Map());

/** The message box of a conversation. */
export function draftOf(key: string): Draft {
  return drafts.value.get(key) ?? EMPTY;
}

/** Changes the message box of a conversation, whether or not it is on screen. */
export function changeDraft(key: string, change: (draft: Draft) => Draft): void {
  drafts.value = new Map(drafts.value).set(key, change(draftOf(key)));
}
