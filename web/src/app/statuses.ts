import { signal } from "@preact/signals";
import type { Chosen, Looking, Persona, Presence, ServerMessage } from "../api/protocol";
import { Refused } from "../api/socket";
import type { Requester } from "./scenes";

/**
 * Statuses (docs/protocol.md, Statuses): the words and order they are shown in, the rules of a
 * status line, choosing one's own, the personas looking now, and the newest status heard of each
 * persona, so that a profile, an ad or the looking list shows a change the moment it is told.
 */

/** The statuses one may choose, in the order the picker offers them. */
export const CHOSEN: readonly Chosen[] = ["online", "looking", "away", "busy", "dnd"];

/** Each status in words: what sits beside its dot, and what a screen reader says, for colour alone says nothing. */
export const STATUS_NAMES: Record<Presence, string> = {
  online: "Online", looking: "Looking", away: "Away", busy: "Busy", dnd: "Do not disturb", offline: "Offline",
};

/** What choosing each status means, said in the picker. */
export const STATUS_MEANINGS: Record<Chosen, string> = {
  online: "Here",
  looking: "Here and looking for a partner or a scene",
  away: "Away for now",
  busy: "Here but occupied",
  dnd: "Invitations wait, without a notification, until you choose another status",
};

/** A status line is one line of at most this many characters. */
export const MAX_STATUS_LINE = 120;

/**
 * A status line as the server takes it: line breaks become spaces, other control characters go,
 * and it stops at 120 characters (never in the middle of one).
 */
export function statusLine(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029\t]+/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
  let kept = "";
  for (const character of flat) {
    if (kept.length + character.length > MAX_STATUS_LINE) break;
    kept += character;
  }
  return kept;
}

/** Whether a status is one the picker offers (`offline` is what others see when no socket is online, never chosen). */
export function isChosen(status: unknown): status is Chosen {
  return typeof status === "string" && (CHOSEN as readonly string[]).includes(status);
}

/** Whether a status is one the server may show. */
export function isPresence(status: unknown): status is Presence {
  return status === "offline" || isChosen(status);
}

/** Something shown with a status: a member, an occupant, a persona. */
interface WithStatus { status?: Presence; statusLine?: string }

/** The same one with a new status and line; no line (absent or empty) leaves none. */
export function withStatus<T extends WithStatus>(one: T, status: Presence, line?: string | null): T {
  const { statusLine: _old, ...rest } = one;
  return (line ? { ...rest, status, statusLine: line } : { ...rest, status }) as T;
}

/** A persona's status as told: what it shows, and its line. */
export interface Told { status: Presence; statusLine?: string }

/** The newest status heard of each persona, by id: from `presence`, `world.presence`, profiles, the looking list and the board. */
export const told = signal<ReadonlyMap<string, Told>>(new Map());

/** Notes what a persona shows now; an unknown status word (a newer server) is left out. */
export function heardStatus(persona: string, status: unknown, line?: unknown): void {
  if (!isPresence(status)) return;
  const before = told.value.get(persona);
  const statusLine = typeof line === "string" && line ? line : undefined;
  if (before && before.status === status && before.statusLine === statusLine) return;
  told.value = new Map(told.value).set(persona, statusLine ? { status, statusLine } : { status });
}

/** Notes a status told without its line (an ad's): the line known stays while the status is the same. */
export function heardStatusKeepingLine(persona: string, status: unknown): void {
  const before = told.value.get(persona);
  heardStatus(persona, status, before?.status === status ? before?.statusLine : undefined);
}

/** What a persona shows: the newest heard, else what the caller was given with it, else nothing known. */
export function statusOf(persona: string, given?: WithStatus): Told | null {
  const heard = told.value.get(persona);
  if (heard) return heard;
  return given?.status ? { status: given.status, ...(given.statusLine ? { statusLine: given.statusLine } : {}) } : null;
}

/**
 * How long ago `since` was, in few words: "just now" under a minute, then minutes, hours and days,
 * as a list of people looking says it.
 */
export function ago(since: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - since) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? "a day ago" : `${days} days ago`;
}

/** Whether invitations to this persona wait without a notification: its chosen status is do not disturb. */
export function holdsInvitations(persona: Persona | null | undefined): boolean {
  return persona?.status === "dnd";
}

let request: Requester | null = null;

/** After each hello: requests go on the new socket. */
export function start(requester: Requester): void {
  request = requester;
}

/** Chooses one of the account's personas' status and line; answers the persona as the server now keeps it. */
export async function setStatus(persona: string, status: Chosen, line: string): Promise<Persona> {
  if (!request) throw new Refused("offline", "Not connected.");
  const text = statusLine(line).trim();
  return (await request<ServerMessage & { persona: Persona }>("status.set", { persona, status, statusLine: text || null })).persona;
}

/** The personas looking now, most recent first; each one's status is then known as `looking`. */
export async function lookingNow(): Promise<Looking[]> {
  if (!request) throw new Refused("offline", "Not connected.");
  const answer = await request<ServerMessage & { personas: Looking[] }>("looking.list");
  for (const one of answer.personas) heardStatus(one.persona.id, "looking", one.statusLine);
  return answer.personas;
}

/** Forgets every status heard: on logout and when the page is hidden. */
export function forgetStatuses(): void {
  told.value = new Map();
}
