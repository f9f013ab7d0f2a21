import type { Report, ServerMessage, WorldLine, WorldMessage } from "../api/protocol";
import { Refused } from "../api/socket";
import { explain } from "../ui/errors";
import { somethingNew } from "../ui/notify";
import * as avatars from "./avatars";
import { namesMe } from "./highlights";
import { heard, WORLD_KEY } from "./navigation";
import type { Requester } from "./scenes";
import { personas, worlds } from "./state";
import { heardStatus } from "./statuses";
import { spoke } from "./typingSession";
import { concerns, done, initial, reduce, refused, typed, type WorldState } from "./world";

/**
 * The text world on this socket: entering it as a persona, sending its command lines, leaving it,
 * and every world message the server sends, replies and events alike, folded into each persona's
 * view by app/world.ts. A new socket is in no world, so after each hello the persona spoken as
 * enters again where it was.
 */

let request: Requester | null = null;

/** After each hello: the speaker's world comes back (its stream kept); other personas' views go, being in no world on this socket. */
export async function start(requester: Requester, speaking: string | null): Promise<void> {
  request = requester;
  const kept = speaking ? worlds.value.get(speaking) : undefined;
  worlds.value = kept && speaking ? new Map([[speaking, kept]]) : new Map();
  if (kept && speaking) await enter(speaking).catch(() => undefined);
}

/** Enters the world as a persona in use on this socket; its room comes with the answer. */
export async function enter(persona: string): Promise<void> {
  if (!request) throw new Refused("offline", "Not connected.");
  apply(persona, await request<ServerMessage>("world.enter", { persona }));
}

/**
 * Sends one command line as the persona typed it. What it answers goes into the stream; a refusal
 * too, in words. A persona this socket lost from the world (the server restarted) enters again and
 * the line is sent once more.
 */
export async function command(persona: string, line: string): Promise<void> {
  change(persona, (state) => typed(state, line));
  const before = worlds.value.get(persona)?.room?.id;
  try {
    const reply = await send(persona, line);
    // A move's new room came before its ok; any other ok (a thing taken, dropped or given) says so, and the room is seen afresh.
    if (reply.type === "ok" && worlds.value.get(persona)?.room?.id === before) {
      change(persona, (state) => done(state, line));
      await lookRound(persona);
    }
    apply(persona, reply);
  } catch (failure) {
    change(persona, (state) => refused(state, line, inWords(failure)));
  }
}

/** Refusals whose message the server writes for the player, naming what was typed, as a MUD client over telnet reads it too. */
const OWN_WORDS = new Set(["invalid_message", "not_found", "no_exit", "locked", "forbidden", "unknown_command", "name_taken", "quota_exceeded", "adult_area"]);

/** A refused command line in a sentence: the server's own words where it has them for the player, else the usual ones. */
export function inWords(failure: unknown): string {
  if (!(failure instanceof Refused) || !OWN_WORDS.has(failure.code) || !failure.message) return explain(failure);
  const said = failure.message.charAt(0).toUpperCase() + failure.message.slice(1);
  return failure.code === "adult_area" ? `${said}, or with “Let me into adult areas” in the world's settings.` : `${said}.`;
}

async function send(persona: string, line: string): Promise<ServerMessage> {
  if (!request) throw new Refused("offline", "Not connected.");
  try {
    return await request<ServerMessage>("world.command", { persona, line });
  } catch (failure) {
    if (!(failure instanceof Refused) || failure.code !== "not_in_world") throw failure;
    await enter(persona);
    return await request<ServerMessage>("world.command", { persona, line });
  }
}

/** The room as it is now (what lies in it after a thing was taken or dropped), without telling the stream. */
async function lookRound(persona: string): Promise<void> {
  const reply = await request!<ServerMessage>("world.command", { persona, line: "look" });
  if (reply.type === "world.room") change(persona, (state) => ({ ...state, room: (reply as WorldMessage & { type: "world.room" }).room }));
}

/** Reports a line of the world by its id; the server files its own kept copy of it. */
export async function report(persona: string, line: WorldLine, reason: string, note: string): Promise<Report> {
  if (!request) throw new Refused("offline", "Not connected.");
  return (await request<ServerMessage & { report: Report }>("report.world", { persona, line: line.id, reason, ...(note ? { note } : {}) })).report;
}

/** Leaves the world: nobody sees the persona there until it enters again, and its view goes. */
export async function leave(persona: string): Promise<void> {
  await request?.("world.leave", { persona });
  const next = new Map(worlds.value);
  next.delete(persona);
  worlds.value = next;
}

/** Applies a world event to every persona's view it concerns; false for any other event. */
export function event(message: ServerMessage): boolean {
  if (!message.type.startsWith("world.")) return false;
  const world = message as WorldMessage;
  for (const state of worlds.value.values()) {
    if (concerns(state, world)) change(state.persona, (current) => reduce(current, world));
  }
  if (world.type === "world.arrived") avatars.heard(world.persona);
  if (world.type === "world.presence") heardStatus(world.persona, world.status, world.statusLine);
  if (world.type === "world.departed") spoke(WORLD_KEY, world.persona.id);
  if (world.type === "world.line") {
    const { line } = world;
    spoke(WORLD_KEY, line.author.id);
    const mine = personas.value.some((persona) => persona.id === line.author.id);
    const toMe = personas.value.some((persona) => persona.id === line.to?.id);
    heard(WORLD_KEY, { id: line.id, at: line.at, mine, mentionsMe: !mine && (toMe || namesMe(line.text ?? "")) });
    if (!mine) somethingNew();
  }
  return true;
}

/** A reply of the world (ok and sent carry nothing to show: the events that follow do). */
function apply(persona: string, reply: ServerMessage): void {
  if (!reply.type.startsWith("world.")) return;
  const world = reply as WorldMessage;
  if (world.type === "world.room") avatars.heard(...world.here);
  change(persona, (state) => reduce(state, world));
}

function change(persona: string, how: (state: WorldState) => WorldState): void {
  worlds.value = new Map(worlds.value).set(persona, how(worlds.value.get(persona) ?? initial(persona)));
}
