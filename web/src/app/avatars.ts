import { signal } from "@preact/signals";
import type { Author, Persona, ServerMessage } from "../api/protocol";
import { Refused } from "../api/socket";
import type { Requester } from "./scenes";

/**
 * Whose picture is what: each persona's avatar hash as last heard (null for none). A member or an
 * author carries only a name, so the picture of one not heard of yet is looked up by their profile
 * (`persona.show`), one at a time and spaced out, so that a full channel never spends the request
 * budget the person's own lines need. The server does not announce a new picture, so one heard
 * long enough ago is asked again when shown again; a profile opened is heard afresh at once.
 */
export const pictures = signal<ReadonlyMap<string, string | null>>(new Map());

/** Time between two lookups: a fifth of the account's ten requests a second at most. */
export const LOOKUP_SPACING_MS = 500;
/** How long a picture heard stays as heard before it is asked again. */
export const FRESH_MS = 10 * 60_000;

let request: Requester | null = null;
const waiting: Author[] = [];
/** When each persona's picture was asked for or heard, by id. */
const asked = new Map<string, number>();
let looking = false;

/** The address of a picture by its hash; same origin, so the session cookie goes with it. */
export const pictureUrl = (hash: string) => `/api/avatars/${encodeURIComponent(hash)}`;

/** After each hello: lookups go through the new socket. */
export function start(requester: Requester): void {
  request = requester;
  void lookUp();
}

/** A profile as the server gave it: its picture is now known. */
export function heard(persona: Pick<Persona, "id" | "avatar">, now = Date.now()): void {
  const hash = persona.avatar ?? null;
  asked.set(persona.id, now);
  if (pictures.value.get(persona.id) === hash) return;
  pictures.value = new Map(pictures.value).set(persona.id, hash);
}

/** Someone shown with a picture: looked up unless heard lately or already on the way. */
export function wanted(author: Author, now = Date.now()): void {
  const last = asked.get(author.id);
  if (last !== undefined && now - last < FRESH_MS) return;
  asked.set(author.id, now);
  waiting.push(author);
  void lookUp();
}

async function lookUp(): Promise<void> {
  if (looking) return;
  looking = true;
  while (request && waiting.length > 0) {
    const author = waiting[0];
    const outcome = await lookUpOne(request, author);
    if (outcome === "offline") break;
    if (outcome === "done" && waiting[0] === author) waiting.shift();
    await new Promise((spaced) => setTimeout(spaced, outcome === "done" ? LOOKUP_SPACING_MS : outcome.retryAfterMs));
  }
  looking = false;
}

/** Asks for one profile: its picture is then known, or it is asked again later, or after the next hello when the socket is down. */
async function lookUpOne(ask: Requester, author: Author): Promise<"done" | "offline" | { retryAfterMs: number }> {
  try {
    const { persona } = await ask<ServerMessage & { persona: Persona }>("persona.show", { name: author.name });
    heard(persona);
    // A name is one persona's; another id means the author is gone and someone else took the name.
    if (persona.id !== author.id) heard({ id: author.id, avatar: null });
    return "done";
  } catch (failure) {
    const code = failure instanceof Refused ? failure.code : "";
    if (code === "offline" || code === "closed") return "offline";
    if (code === "rate_limited" || code === "internal") return { retryAfterMs: (failure as Refused).retryAfterMs ?? 5_000 };
    // Not found (gone, or hidden by a block), or refused: there is no picture to show.
    heard({ id: author.id, avatar: null });
    return "done";
  }
}

/** Forgets every picture: on logout and the panic hide. */
export function forget(): void {
  pictures.value = new Map();
  waiting.length = 0;
  asked.clear();
}
