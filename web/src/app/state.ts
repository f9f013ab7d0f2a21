import { signal } from "@preact/signals";
import type { Author, Channel, ChannelMessage, Invitation, Member, Persona, Scene } from "../api/protocol";

/** Where the person is looking. */
export type View =
  | { kind: "home" }
  | { kind: "scene"; id: string }
  | { kind: "invitations" }
  | { kind: "channel"; name: string }
  | { kind: "persona"; id: string }
  | { kind: "account" }
  | { kind: "moderation" };

/** A channel the persona in use has joined: what the screen shows of it. */
export interface Room { name: string; topic: string; members: Member[]; messages: ChannelMessage[] }

/** Whether someone is logged in: unknown until the server answered. */
export const signedIn = signal<boolean | null>(null);
export const username = signal<string>("");
/** The account's role: moderators and operators see the moderation view. */
export const role = signal<"member" | "moderator" | "operator">("member");
export const connection = signal<"connecting" | "open" | "offline">("connecting");
export const personas = signal<Persona[]>([]);
/** The persona the person speaks as. */
export const speaker = signal<Persona | null>(null);
export const channels = signal<Channel[]>([]);
export const rooms = signal<ReadonlyMap<string, Room>>(new Map());
export const view = signal<View>({ kind: "home" });
/** The private scenes this browser's device is in, by id. */
export const scenes = signal<ReadonlyMap<string, Scene>>(new Map());
/**
 * What a report of a received scene line needs (docs/protocol.md, `report.scene`): the body with its
 * franking key and commitment, and the server's tag, key id, time and epoch. Base64, in memory only.
 */
export interface Frank { sender: string; receiver: string; epoch: number; at: number; kid: number; tag: string; commitment: string; frankingKey: string; body: string }
/** A decrypted line of a scene, kept in memory only and dropped when its timer runs out; received lines can be reported. */
export interface SceneLine { id: string; kind: "say" | "pose" | "dropped"; from?: Author; text: string; at: number; expiresAt?: number; frank?: Frank }
export const sceneLines = signal<ReadonlyMap<string, SceneLine[]>>(new Map());
/** Each scene's MLS epoch and its authenticator (hex), which every member sees alike when they agree. */
export const sceneEpochs = signal<ReadonlyMap<string, { epoch: string; authenticator: string }>>(new Map());
export const invitations = signal<{ received: Invitation[]; sent: Invitation[] }>({ received: [], sent: [] });

/** A line for the person: what failed, or what happened. */
export const notice = signal<string | null>(null);

/** Messages merged by id and kept in order, so a reconnect's history neither loses nor repeats any. */
export function merge(known: readonly ChannelMessage[], arriving: readonly ChannelMessage[]): ChannelMessage[] {
  const byId = new Map(known.map((message) => [message.id, message]));
  for (const message of arriving) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Updates one room, leaving the others as they are. */
export function updateRoom(name: string, change: (room: Room) => Room): void {
  const room = rooms.value.get(name);
  if (!room) return;
  const next = new Map(rooms.value);
  next.set(name, change(room));
  rooms.value = next;
}

/** Forgets everything shown: on logout, and when the panic key hides the page. */
export function forgetAll(): void {
  personas.value = [];
  role.value = "member";
  speaker.value = null;
  channels.value = [];
  rooms.value = new Map();
  scenes.value = new Map();
  sceneLines.value = new Map();
  sceneEpochs.value = new Map();
  invitations.value = { received: [], sent: [] };
  view.value = { kind: "home" };
  notice.value = null;
}
