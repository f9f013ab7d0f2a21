import { signal } from "@preact/signals";
import type { Author } from "../api/protocol";

/**
 * Whose picture is what: each persona's avatar hash as last heard from the server (null for none).
 * Members and authors carry their hash, so nothing is looked up. What the server says of the persona
 * as it is now (a channel's members, `member.updated`, history, a profile) is heard here, and wins
 * over the hash a line carried when it was sent, so that a new or removed picture shows at once
 * beside every line already on the screen.
 */
export const pictures = signal<ReadonlyMap<string, string | null>>(new Map());

/** The address of a picture by its hash; same origin, so the session cookie goes with it. */
export const pictureUrl = (hash: string) => `/api/avatars/${encodeURIComponent(hash)}`;

/** Personas as the server has them now: their pictures replace what was heard before, in one change. */
export function heard(...now: Pick<Author, "id" | "avatar">[]): void {
  let next: Map<string, string | null> | null = null;
  for (const persona of now) {
    const hash = persona.avatar ?? null;
    if ((next ?? pictures.value).get(persona.id) === hash) continue;
    next ??= new Map(pictures.value);
    next.set(persona.id, hash);
  }
  if (next) pictures.value = next;
}

/** The picture to show for a member or an author: as last heard of the persona, else as its view carries it. */
export function pictureOf(persona: Pick<Author, "id" | "avatar">): string | null {
  const known = pictures.value.get(persona.id);
  return known !== undefined ? known : persona.avatar ?? null;
}

/** Forgets every picture: on logout and the panic hide. */
export function forget(): void {
  pictures.value = new Map();
}
