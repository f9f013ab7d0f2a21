import type {
  ArrivedHow, Author, DepartedHow, ExitView, Looked, Occupant, RoomView, ThingView, WhoEntry, WorldLine, WorldMessage,
} from "../api/protocol";
import { withStatus } from "./statuses";
import { EMPTY_MAP, visit, type WorldMap } from "./worldMap";

/**
 * What the world view shows for one persona in the text world, made from the server's messages
 * alone: the room it is in, who is there, the stream of what happened and was answered, and the map
 * of the rooms visited. {@link reduce} is the one place a message changes it.
 */
export interface WorldState {
  persona: string;
  room: RoomView | null;
  here: readonly Occupant[];
  entries: readonly Entry[];
  map: WorldMap;
  /** The first word of the last command line sent: the exit the person means to take, if it is one. */
  heading: string | null;
  /** Numbers the entries, so that each keeps its key on screen. */
  next: number;
}

/** One item of the stream. Every kind comes from the server but `problem`, a refusal in words. */
export type Entry = { key: number } & (
  | { kind: "line"; line: WorldLine }
  /** `described`: the person looked round (the room's card shows the description on entering and moving). */
  | { kind: "room"; room: RoomView; described: boolean }
  | { kind: "arrived"; who: Occupant; via?: string; how: ArrivedHow }
  | { kind: "departed"; who: Author; via?: string; how: DepartedHow }
  | { kind: "look"; target: Looked }
  | { kind: "who"; people: readonly WhoEntry[] }
  | { kind: "inventory"; things: readonly ThingView[] }
  | { kind: "help"; topic: string; text: string; topics: readonly string[] }
  | { kind: "done"; text: string }
  | { kind: "thing"; by: Author; action: string; thing: ThingView; to?: Author }
  | { kind: "problem"; line: string; text: string });

/** Entries kept per persona; older ones scroll away for good, as a MUD client's buffer does. */
export const KEPT = 500;

/** Distributes `Omit` over the kinds of a union, so that each kind keeps its own fields. */
type Unkeyed<T> = T extends unknown ? Omit<T, "key"> : never;

export function initial(persona: string): WorldState {
  return { persona, room: null, here: [], entries: [], map: EMPTY_MAP, heading: null, next: 0 };
}

/** Whether a message belongs to this persona's view: said to the persona, or heard in its room. */
export function concerns(state: WorldState, message: WorldMessage): boolean {
  switch (message.type) {
    case "world.room": case "world.look": case "world.inventory": case "world.done": return message.persona === state.persona;
    case "world.who": case "world.help": return message.id !== undefined; // replies only: the request knows whose
    case "world.arrived": case "world.departed": case "world.thing": case "world.presence": return message.room === state.room?.id;
    case "world.updated": return message.room.id === state.room?.id;
    case "world.line": {
      const { room, author, to } = message.line;
      return room !== undefined ? room === state.room?.id : author.id === state.persona || to?.id === state.persona;
    }
  }
}

/** The view after one message of the world, a reply or an event. */
export function reduce(state: WorldState, message: WorldMessage): WorldState {
  switch (message.type) {
    case "world.room": return arrive(state, message.room, message.here, message.id !== undefined && state.room?.id === message.room.id);
    case "world.look": return add(state, { kind: "look", target: message.target });
    case "world.who": return add(state, { kind: "who", people: message.people });
    case "world.inventory": return add(state, { kind: "inventory", things: message.things });
    case "world.help": return add(state, { kind: "help", topic: message.topic, text: message.text, topics: message.topics });
    case "world.done": return add(state, { kind: "done", text: message.text });
    case "world.line": return add(state, { kind: "line", line: message.line });
    case "world.updated": return { ...state, room: message.room };
    case "world.arrived": {
      if (message.persona.id === state.persona) return state;
      const here = [...state.here.filter((one) => one.id !== message.persona.id), message.persona];
      return add({ ...state, here }, { kind: "arrived", who: message.persona, via: message.via, how: message.how });
    }
    case "world.departed": {
      if (message.persona.id === state.persona) return state;
      const here = state.here.filter((one) => one.id !== message.persona.id);
      return add({ ...state, here }, { kind: "departed", who: message.persona, via: message.via, how: message.how });
    }
    case "world.presence": {
      // Who is here shows the status at once; the stream is for what happens, and a status is no event of the room.
      const { persona, status, statusLine } = message;
      return { ...state, here: state.here.map((one) => (one.id === persona ? withStatus(one, status, statusLine) : one)) };
    }
    case "world.thing": {
      const room = state.room && { ...state.room, things: lying(state.room.things, message.action, message.thing) };
      return add({ ...state, room }, { kind: "thing", by: message.by, action: message.action, thing: message.thing, to: message.to });
    }
  }
}

/** What lies in the room once a thing was picked up from it or dropped in it; one given goes from hand to hand. */
function lying(things: readonly ThingView[], action: string, thing: ThingView): ThingView[] {
  const others = things.filter((one) => one.id !== thing.id);
  return action === "dropped" ? [...others, thing] : action === "got" ? others : [...things];
}

/** A command line is on its way: its first word may be the exit that the next room came by. */
export function typed(state: WorldState, line: string): WorldState {
  const words = line.trim().toLowerCase().split(/\s+/);
  return { ...state, heading: (words[0] === "go" ? words[1] : words[0]) ?? null };
}

/** The server did what a command line asked and said no more than ok: the stream says it was done. */
export function done(state: WorldState, line: string): WorldState {
  return add(state, { kind: "done", text: `Done: ${line}` });
}

/** The server refused a command line; the stream says why, in words. */
export function refused(state: WorldState, line: string, text: string): WorldState {
  return add(state, { kind: "problem", line, text });
}

/**
 * The persona is in a room: on entering, after moving, or looking round. Moving to another room
 * places it on the map, by the exit of the room left that answers to the word typed, else by the
 * exit that leads to that room.
 */
function arrive(state: WorldState, room: RoomView, here: readonly Occupant[], described: boolean): WorldState {
  const from = state.room;
  const moved = from?.id !== room.id;
  const map = moved ? visit(state.map, from, room, from ? exitTaken(from, room, state.heading) : undefined) : state.map;
  return add({ ...state, room, here, map, heading: moved ? null : state.heading }, { kind: "room", room, described });
}

function exitTaken(from: RoomView, to: RoomView, heading: string | null): ExitView | undefined {
  const named = heading && from.exits.find((exit) => exit.toId === to.id
    && [exit.name, ...exit.aliases].some((word) => word.toLowerCase() === heading));
  return named || from.exits.find((exit) => exit.toId === to.id);
}

function add(state: WorldState, entry: Unkeyed<Entry>): WorldState {
  const entries = [...state.entries, { ...entry, key: state.next } as Entry];
  return { ...state, entries: entries.length > KEPT ? entries.slice(entries.length - KEPT) : entries, next: state.next + 1 };
}
