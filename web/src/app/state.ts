import { signal } from "@preact/signals";
import type { Author, Channel, ChannelMessage, Invitation, Member, Persona, Scene } from "../api/protocol";
import { activity } from "./activity";
import * as avatars from "./avatars";
import { drafts } from "./draft";
import { readMarks } from "./readMarks";
import { forgetStatuses } from "./statuses";
import { forgetTyping } from "./typing";
import { breakReminder, warning } from "./wellbeing";
import type { WorldState } from "./world";

/**
 * Where the person is looking. On a phone, `conversations` is the list of channels and scenes as a
 * page of its own; on a wider screen the list is always beside the view, and it shows `home`.
 */
export type View =
  | { kind: "conversations" }
  | { kind: "home" }
  | { kind: "scene"; id: string }
  | { kind: "invitations" }
  | { kind: "channel"; name: string }
  | { kind: "world" }
  /**
   * `setIn`: the world room (id and name) an invitation from here sets its new scene in, the form in view;
   * `propose`: the topics the invitation starts out proposing (a board ad's), the form in view.
   */
  | { kind: "persona"; id: string; name?: string; setIn?: { room: string; name: string }; propose?: string[] }
  | { kind: "board" }
  /** The personas looking for a partner now. */
  | { kind: "looking" }
  | { kind: "account" }
  /** The person's own limits: time budget, quiet hours, break reminders, self-exclusion, and their use. */
  | { kind: "limits" }
  | { kind: "moderation" };

/** A channel the persona in use has joined: what the screen shows of it. */
export interface Room { name: string; topic: string; members: Member[]; messages: ChannelMessage[] }

/** Whether someone is logged in: unknown until the server answered. */
export const signedIn = signal<boolean | null>(null);
export const username = signal<string>("");
/** Recovery codes just made (at registration, or renewed), shown until the person says they kept them; never stored. */
export const freshRecoveryCodes = signal<readonly string[]>([]);
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
/**
 * A scene that ended (safeword) while this browser was in it: who else was there, and the received
 * lines that can still be reported, with their franking. In memory only, shown only when asked for.
 */
export interface EndedScene { id: string; with: string[]; lines: SceneLine[] }
/** Ended scenes by id, until logout, the panic hide, the page closing, or their lines' timers running out. */
export const endedScenes = signal<ReadonlyMap<string, EndedScene>>(new Map());
/** Each scene's MLS epoch and its authenticator (hex), which every member sees alike when they agree. */
export const sceneEpochs = signal<ReadonlyMap<string, { epoch: string; authenticator: string }>>(new Map());
/** The text world as each of the account's personas in it sees it, by persona id (see app/world.ts). */
export const worlds = signal<ReadonlyMap<string, WorldState>>(new Map());
export const invitations = signal<{ received: Invitation[]; sent: Invitation[] }>({ received: [], sent: [] });

/**
 * An invitation left this account's lists (`invitation.gone`: answered on another device, accepted
 * and added, withdrawn, expired): it goes from both lists, and its toast with it.
 */
export function invitationGone(id: string): void {
  const { received, sent } = invitations.value;
  if (received.some((i) => i.id === id) || sent.some((i) => i.id === id)) {
    invitations.value = { received: received.filter((i) => i.id !== id), sent: sent.filter((i) => i.id !== id) };
  }
  if (toasts.value.some((toast) => toast.id === id)) toasts.value = toasts.value.filter((toast) => toast.id !== id);
}

/** An invitation this account sent was accepted: it says so in the list until its persona is added. */
export function invitationAccepted(accepted: Invitation): void {
  const { received, sent } = invitations.value;
  if (!sent.some((i) => i.id === accepted.id)) return;
  invitations.value = { received, sent: sent.map((i) => (i.id === accepted.id ? { ...i, status: "accepted" } : i)) };
}

/** A line for the person: what failed, or what happened. It goes when the person goes elsewhere. */
export const notice = signal<string | null>(null);
/** Something that arrived for the person, shown until they dismiss it or go to it: a new invitation. */
export interface Toast { id: string; text: string; action: { label: string; view: View } }
export const toasts = signal<readonly Toast[]>([]);
/** What moderators told this account (warnings, mutes): shown until the person dismisses each, never stored. */
export const moderatorNotices = signal<readonly { at: number; text: string }[]>([]);

/** Messages merged by id and kept in order, so a reconnect's history neither loses nor repeats any. */
export function merge(known: readonly ChannelMessage[], arriving: readonly ChannelMessage[]): ChannelMessage[] {
  const byId = new Map(known.map((message) => [message.id, message]));
  for (const message of arriving) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One of the account's personas as the server now has it: in the list, and as the speaker when it is. */
export function ownPersonaChanged(persona: Persona): void {
  personas.value = personas.value.map((known) => (known.id === persona.id ? persona : known));
  if (speaker.value?.id === persona.id) speaker.value = persona;
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
  freshRecoveryCodes.value = [];
  personas.value = [];
  role.value = "member";
  speaker.value = null;
  channels.value = [];
  rooms.value = new Map();
  scenes.value = new Map();
  sceneLines.value = new Map();
  endedScenes.value = new Map();
  sceneEpochs.value = new Map();
  invitations.value = { received: [], sent: [] };
  worlds.value = new Map();
  view.value = { kind: "home" };
  notice.value = null;
  toasts.value = [];
  activity.value = new Map();
  drafts.value = new Map();
  readMarks.forget();
  moderatorNotices.value = [];
  warning.value = null;
  breakReminder.value = null;
  avatars.forget();
  forgetStatuses();
  forgetTyping();
}

/**
 * What of a scene that just ended stays for reporting: the lines someone else wrote, which carry the
 * franking a report needs. Null when there is nothing to report.
 */
export function endedScene(scene: Scene | undefined, id: string, lines: readonly SceneLine[]): EndedScene | null {
  const reportable = lines.filter((line) => line.frank);
  if (reportable.length === 0) return null;
  const mine = new Set(reportable.map((line) => line.frank!.receiver));
  const others = scene?.members.filter((member) => !mine.has(member.id)).map((member) => member.name)
    ?? [...new Set(reportable.map((line) => line.from?.name ?? "someone"))];
  return { id, with: others, lines: reportable };
}

/**
 * What the person reads when a scene ends: who used the safeword said so in their own words, with the
 * cooling-off they chose (undefined: someone else did, who is not named), and whether a report can still be made.
 */
export function endedNotice(ownCoolingOffHours: number | undefined, reportable: boolean): string {
  return `${whoEnded(ownCoolingOffHours)} It is gone from this device.`
    + (reportable ? " You can still report something from it, from Channels and personas, until you log out or hide the page." : "");
}

function whoEnded(ownCoolingOffHours: number | undefined): string {
  if (ownCoolingOffHours === undefined) return "A scene is over: someone used the safeword.";
  if (ownCoolingOffHours === 0) return "You used the safeword: the scene is over for everyone.";
  return `You used the safeword: the scene is over for everyone, and they may not invite you again for ${duration(ownCoolingOffHours)}.`;
}

/** A cooling-off as the Safeword button's choices name it: hours up to a day, whole days beyond. */
function duration(hours: number): string {
  if (hours > 24 && hours % 24 === 0) return `${hours / 24} days`;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

/** Keeps an ended scene's reportable lines, if it has any. */
export function keepEnded(ended: EndedScene | null): void {
  if (ended) endedScenes.value = new Map(endedScenes.value).set(ended.id, ended);
}

/** Forgets an ended scene's lines: the person is done with them. */
export function forgetEnded(id: string): void {
  const next = new Map(endedScenes.value);
  next.delete(id);
  endedScenes.value = next;
}

/** Lines past their timer are gone from ended scenes too, and an ended scene with none left goes. */
export function purgeEnded(now: number): void {
  let changed = false;
  const next = new Map<string, EndedScene>();
  for (const [id, ended] of endedScenes.value) {
    const kept = ended.lines.filter((line) => line.expiresAt === undefined || line.expiresAt > now);
    if (kept.length !== ended.lines.length) changed = true;
    if (kept.length > 0) next.set(id, kept.length === ended.lines.length ? ended : { ...ended, lines: kept });
  }
  if (changed) endedScenes.value = next;
}
