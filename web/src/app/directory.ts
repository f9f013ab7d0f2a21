import type { Channel, ServerMessage } from "../api/protocol";
import type { Requester } from "./scenes";
import { channels } from "./state";

/**
 * The directory of public channels, live while it is on screen: the server is asked to tell this
 * socket of every channel created, changed or closed (`channel.list` with `watch`) for as long as
 * the directory is shown, and the list changes as it hears.
 */

let request: Requester | null = null;
/** How many directories are on screen; the socket watches while there is one. */
let shown = 0;

/** A channel as listed, put in its place by name, as the server orders the list. */
export function listed(list: readonly Channel[], channel: Channel): Channel[] {
  return [...list.filter((known) => known.name !== channel.name), channel].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The list without a channel that was closed. */
export function unlisted(list: readonly Channel[], name: string): Channel[] {
  return list.filter((known) => known.name !== name);
}

/** After each hello: a new socket watches nothing, so a directory on screen asks again to watch, and gets the list afresh. */
export async function start(requester: Requester): Promise<void> {
  request = requester;
  if (shown > 0) await list(true);
}

/** The directory came on screen (true) or went (false). */
export async function show(on: boolean): Promise<void> {
  shown += on ? 1 : -1;
  // While the socket is down the hello that follows asks again; nothing is lost by failing here.
  if (on && shown === 1) await list(true).catch(() => undefined);
  if (!on && shown === 0) await request?.("channel.list", { watch: false }).catch(() => undefined);
}

async function list(watch: boolean): Promise<void> {
  if (!request) return;
  channels.value = (await request<ServerMessage & { channels: Channel[] }>("channel.list", { watch })).channels;
}

/** Applies what the watched directory hears; false for any other event. */
export function event(message: ServerMessage): boolean {
  switch (message.type) {
    case "channel.listed":
      channels.value = listed(channels.value, message.channel as Channel);
      return true;
    case "channel.unlisted":
      channels.value = unlisted(channels.value, String(message.channel));
      return true;
    default:
      return false;
  }
}

