import type { ServerMessage } from "../api/protocol";
import { Refused } from "../api/socket";
import { channelKey, WORLD_KEY } from "./navigation";
import type { Requester } from "./scenes";
import { personas, rooms, speaker, worlds } from "./state";
import { expire, forgetTyping, nextExpiry, shareTyping, spokeIn, typingHeard, typists } from "./typing";

/**
 * Typing on this socket: sending it from a channel's or the world room's box, the `typing` events
 * of the others there, and the account's choice to share it or not. A scene's typing travels
 * inside its encryption instead (scenes.ts), and arrives here through {@link heard}.
 */

let request: Requester | null = null;
let expiry: ReturnType<typeof setTimeout> | null = null;

/** After each hello: requests go on the new socket, and the account's choice is as `welcome` says. */
export function start(requester: Requester, share: boolean): void {
  request = requester;
  shareTyping.value = share;
  if (!share) forgetTyping();
}

/** Where a box's typing goes: a channel, or the world room a persona is in. */
export type Place = { kind: "channel"; persona: string; channel: string } | { kind: "room"; persona: string; room: string };

/** Says the persona is typing there, or stopped; nothing when the account does not share typing. A refusal (too soon) is nothing to show. */
export function sendTyping(place: Place, typing: boolean): void {
  if (!shareTyping.value || !request) return;
  const where = place.kind === "channel" ? { channel: place.channel } : { room: place.room };
  request("typing", { persona: place.persona, ...where, typing }).catch(() => undefined);
}

/** Turns sharing typing on or off for the whole account; off, who was typing goes from the screen. */
export async function setShareTyping(share: boolean): Promise<void> {
  if (!request) throw new Refused("offline", "Not connected.");
  await request("typing.share", { share });
  shareTyping.value = share;
  if (!share) forgetTyping();
}

/** A persona is typing in a place (by conversation key), or stopped; the account's own personas never show. */
export function heard(place: string, persona: string, name: string, typing: boolean): void {
  if (!shareTyping.value || personas.value.some((mine) => mine.id === persona)) return;
  typists.value = typingHeard(typists.value, place, persona, name, typing, Date.now());
  schedule();
}

/** A line came from a persona in a place: its "typing" goes at once. */
export function spoke(place: string, persona: string): void {
  const next = spokeIn(typists.value, place, persona);
  if (next !== typists.value) typists.value = next;
}

/** The `typing` event of a channel or of the speaker's world room; false for any other event. */
export function event(message: ServerMessage): boolean {
  if (message.type !== "typing") return false;
  const persona = String(message.persona);
  const typing = message.typing === true;
  if (typeof message.channel === "string") {
    const member = rooms.value.get(message.channel)?.members.find((one) => one.id === persona);
    if (member) heard(channelKey(message.channel), persona, member.name, typing);
  } else if (typeof message.room === "string" && speaker.value) {
    const world = worlds.value.get(speaker.value.id);
    const one = world?.room?.id === message.room ? world.here.find((here) => here.id === persona) : undefined;
    if (one) heard(WORLD_KEY, persona, one.name, typing);
  }
  return true;
}

/** One timer for everyone: it wakes when the next typist would go, and takes away all who were not renewed. */
function schedule(): void {
  if (expiry !== null) clearTimeout(expiry);
  expiry = null;
  const soonest = nextExpiry(typists.value);
  if (soonest === null) return;
  expiry = setTimeout(() => {
    expiry = null;
    typists.value = expire(typists.value, Date.now());
    schedule();
  }, Math.max(0, soonest - Date.now()) + 10);
}
