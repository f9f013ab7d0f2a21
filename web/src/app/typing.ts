import { signal } from "@preact/signals";
import { signalObject } from "./calls/messages";

/**
 * Who is typing (docs/protocol.md, Typing): a message box says so as the person types, renews it
 * while they go on and takes it back when they stop, clear the box or send; the others show it
 * under their box until it is taken back, a line comes from that persona, or it is not renewed in
 * time. Nothing of it is kept beyond the page.
 */

/** A box renews its "typing" this often while the person goes on (the server refuses a renewal sooner than 2 s). */
export const RENEW_MS = 3_000;
/** A box that has not changed for this long says the person stopped. */
export const IDLE_MS = 5_000;
/** Someone shows as typing this long after the last they said so. */
export const SHOWN_MS = 6_000;

/** The server refuses a "typing" sooner than this after the last one for the same persona and place. */
export const SOONEST_MS = 2_000;

/**
 * One message box's side: told what the box holds after each keystroke, it sends `true` as typing
 * starts and every {@link RENEW_MS} while it goes on, and `false` after {@link IDLE_MS} without a
 * keystroke, when the box is cleared, when the line is sent, and when the box goes. Typing again
 * within {@link SOONEST_MS} of the last `true` (the next line, right after sending one) says so as
 * soon as the server takes it, rather than being refused.
 */
export class Typist {
  /** Whether the person is typing now, as this box sees it. */
  private typing = false;
  /** Whether the others were told so, and not yet told otherwise. */
  private told = false;
  private renewedAt = Number.NEGATIVE_INFINITY;
  private idle: ReturnType<typeof setTimeout> | null = null;
  private waiting: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly send: (typing: boolean) => void, private readonly now: () => number = () => Date.now()) {}

  /** The box holds `text` now; `speaks`: whether it is a line the others would see (not a command to the app). */
  input(text: string, speaks = true): void {
    if (!speaks || text.trim() === "") {
      this.stop();
      return;
    }
    const now = this.now();
    if (!this.typing) {
      this.typing = true;
      const wait = this.renewedAt + SOONEST_MS - now;
      if (wait <= 0) this.announce(now);
      else this.waiting = setTimeout(() => this.announce(this.now()), wait);
    } else if (this.told && now - this.renewedAt >= RENEW_MS) {
      this.announce(now);
    }
    if (this.idle !== null) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), IDLE_MS);
  }

  /** The person stopped: the line was sent, the box cleared or left, or nothing was typed for a while. */
  stop(): void {
    for (const timer of [this.idle, this.waiting]) if (timer !== null) clearTimeout(timer);
    this.idle = this.waiting = null;
    this.typing = false;
    if (!this.told) return;
    this.told = false;
    this.send(false);
  }

  private announce(now: number): void {
    this.waiting = null;
    this.told = true;
    this.renewedAt = now;
    this.send(true);
  }
}

/** Whether a channel's or scene's box holds a line for the others: a command (one `/`) is the person's own; `//` is a line. */
export function speaksInConversation(text: string): boolean {
  const line = text.trimStart();
  return !line.startsWith("/") || line.startsWith("//");
}

/** Whether a world command line says something to the room (say, pose, semipose, emit and their marks), not a move or a look. */
export function speaksInWorld(text: string): boolean {
  const line = text.trimStart();
  if (/^[":;\\]/.test(line)) return true;
  return /^(say|pose|emit)\s/i.test(line);
}

/** A scene's typing signal, `{"kind": "typing", "typing": true}` and nothing more: whether the sender types; undefined for any other signal. */
export function parseTypingSignal(json: string): boolean | undefined {
  const m = signalObject(json);
  return m?.kind === "typing" && typeof m.typing === "boolean" && Object.keys(m).length === 2 ? m.typing : undefined;
}

/** Who is typing in one place, by persona id: the name to show, when they started, and until when it shows. */
export type Typists = ReadonlyMap<string, { name: string; since: number; until: number }>;
/** Every place's typists, by conversation key (`#lobby`, `world`, `scene:…`). */
export type Places = ReadonlyMap<string, Typists>;

const NOBODY: Typists = new Map();

/** A persona says it is typing in a place (or stopped). */
export function typingHeard(all: Places, place: string, persona: string, name: string, typing: boolean, now: number): Places {
  const here = all.get(place) ?? NOBODY;
  if (!typing) return here.has(persona) ? without(all, place, persona) : all;
  const since = here.get(persona)?.since ?? now;
  return new Map(all).set(place, new Map(here).set(persona, { name, since, until: now + SHOWN_MS }));
}

/** A line came from a persona: it is no longer typing it. */
export function spokeIn(all: Places, place: string, persona: string): Places {
  return all.get(place)?.has(persona) ? without(all, place, persona) : all;
}

/** Everyone not renewed in time goes; the same map when nobody did. */
export function expire(all: Places, now: number): Places {
  let changed = false;
  const next = new Map<string, Typists>();
  for (const [place, here] of all) {
    const kept = new Map([...here].filter(([, one]) => one.until > now));
    if (kept.size !== here.size) changed = true;
    if (kept.size > 0) next.set(place, kept);
  }
  return changed ? next : all;
}

/** When the next typist would go unless renewed; null when nobody types anywhere. */
export function nextExpiry(all: Places): number | null {
  let soonest: number | null = null;
  for (const here of all.values()) for (const one of here.values()) soonest = soonest === null ? one.until : Math.min(soonest, one.until);
  return soonest;
}

/** The names typing in a place, whoever started first first. */
export function typingIn(all: Places, place: string): string[] {
  return [...(all.get(place) ?? NOBODY).values()].sort((a, b) => a.since - b.since).map((one) => one.name);
}

/** The line under the box: one name, two, or more than two without names; null when nobody types. */
export function typingText(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return "Several people are typing…";
}

function without(all: Places, place: string, persona: string): Places {
  const here = new Map(all.get(place));
  here.delete(persona);
  const next = new Map(all);
  if (here.size === 0) next.delete(place);
  else next.set(place, here);
  return next;
}

/** Whether this account shares typing (`welcome.shareTyping`, changed with `typing.share`): off, it neither sends nor shows any. */
export const shareTyping = signal(true);
/** Who is typing where, as this page heard. */
export const typists = signal<Places>(new Map());

/** Forgets who was typing: on logout, when the page is hidden, and when sharing is turned off. */
export function forgetTyping(): void {
  typists.value = new Map();
}
