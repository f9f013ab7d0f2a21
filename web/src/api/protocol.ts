// The shapes of Tryst's wire protocol that the web client uses (docs/protocol.md is the reference).

/** A persona as others see it; `avatar` is its picture's hash (GET /api/avatars/HASH), null when it has none. */
export interface Persona {
  id: string; name: string; summary?: string; description?: string; pronouns?: string; avatar?: string | null;
  /** What everyone sees (`persona.show`), or for one's own personas the status chosen; with its line, absent when none. */
  status?: Presence; statusLine?: string;
}
/** A status as others see it: `offline` when no socket is online as the persona (docs/protocol.md, Statuses). */
export type Presence = "online" | "looking" | "away" | "busy" | "dnd" | "offline";
/** A status a persona may choose with `status.set`: every one but `offline`. */
export type Chosen = Exclude<Presence, "offline">;
/** A channel's member; `avatar` is its picture's hash, absent when it has none. */
export interface Member { id: string; name: string; status: Presence; statusLine?: string; owner: boolean; avatar?: string | null }
/** A persona looking for a partner now (`looking`): since when it chose `looking`, with its status line. */
export interface Looking { persona: Author; statusLine?: string; since: number }
/** Who wrote a line, or who is in a scene; `avatar` is the picture's hash (as it was when a live line was sent), absent when none. */
/**
 * In a world with recognition, what a name is when it is not the persona's real name: its short
 * description (the viewer does not know them) or the name the viewer gave them with `recog`.
 */
export type Shown = "sdesc" | "recog";
export interface Author { id: string; name: string; avatar?: string | null; shown?: Shown }
/** A channel line: said, posed (/me), or dice the server rolled. */
export type MessageKind = "say" | "pose" | "roll";
export interface ChannelMessage { id: string; channel: string; kind: MessageKind; persona: Author; text: string; at: number }
export interface Channel { name: string; topic: string; members: number }
/**
 * A channel the persona is in; `read` is the newest line it marked read (null until it marks one) and
 * `unread` how many lines came after that which it may see and did not write (counted up to 1,000).
 */
export interface Joined { channel: string; topic: string; persona: string; members: Member[]; history: ChannelMessage[]; read?: string | null; unread?: number }
export interface Session { id: string; createdAt: number; lastSeenAt: number; expiresAt: number; userAgent: string; current: boolean }

/** Any message from the server: replies carry the request's id, events none. */
export interface ServerMessage { type: string; id?: string; [field: string]: unknown }

/** The error reply, with its stable code. */
export interface ErrorReply extends ServerMessage { type: "error"; code: string; message: string; retryAfterMs?: number }

/** Sent on the socket: a type, an id for the reply, and the message's fields. */
export interface ClientMessage { type: string; id?: string; [field: string]: unknown }

/** A private scene as the server lists it. */
export interface Scene {
  id: string; members: Author[]; epoch: number; timerSeconds: number;
  timerChoices: { persona: string; seconds: number }[]; externalSender: string; createdAt: number;
  /** What the members agreed to; absent until an invitation into the scene is accepted. */
  agreement?: Agreement | null;
  /** The request to keep the scene's transcript; absent or null when nobody asked. */
  transcript?: Transcript | null;
  /** Where the scene is set; absent unless it was made from a room of the world. */
  setting?: Setting;
}

/** A scene's setting: the world room it was made from (null once destroyed), with its name and description as they were then. */
export interface Setting { room: string | null; name: string; description: string }

/** Who asked to keep a scene's transcript, who agrees and refuses (persona ids), and whether export is allowed. */
export interface Transcript { requestedBy: Author; requestedAt: number; agreed: string[]; refused: string[]; allowed: boolean }
/** An invitation with what it proposes and both personas' boundaries side by side (from: inviter, to: invitee). */
export interface Invitation {
  id: string; scene: string; from: Author; to: Author; note: string; status: "pending" | "accepted"; expiresAt: number;
  topics: string[]; safeword: string; matches: TopicMatch[]; fromNotes: string; toNotes: string;
  /** Where the scene is set, so that the invitee knows before saying yes; absent unless made from a room. */
  setting?: Setting;
}

// Boundaries and agreements.
export type Answer = "yes" | "maybe" | "no";
export type Flag = "mismatch" | "proposed_no" | "proposed_maybe";
export interface Topic { id: string; label: string; group: string; description: string }
export interface Boundaries { persona: Author; answers: Record<string, Answer>; notes: string; updatedAt: number }
export interface TopicMatch { topic: string; from?: Answer; to?: Answer; proposed: boolean; flags: Flag[] }
export interface Agreement { topics: string[]; safeword: string; agreedBy: { persona: Author; at: number }[]; at: number }
/** An entry of the account's block list; the blocked side never sees it. */
export interface Block { persona: Author; kind: "block" | "mute"; scope: "persona" | "account" | null; at: number }
/** One relayed MLS message of a scene. */
export interface SceneMessage {
  id: string; scene: string; seq: number; epoch: number; kind: "application" | "commit" | "proposal" | "welcome";
  from?: Author; device?: string; data: string; tag?: string; kid?: number; at: number; expiresAt?: number;
}

/** A report as filed: what was reported, the server's verification, and where it stands. */
export interface Report {
  id: string; kind: "scene" | "channel" | "world" | "ad"; reporter?: Author; reported?: Author; channel?: string; text: string; reason: string;
  note: string; verification: "verified" | "rejected"; why: string; status: "open" | "actioned" | "dismissed"; at: number;
}
/** One entry of the moderators' append-only audit log. */
export interface AuditEntry { seq: number; at: number; actor: string; action: string; target: string; reason: string }
/** Why a message is reported, as the server accepts it. */
export const REPORT_REASONS = ["harassment", "threat", "non_consensual", "minor", "spam", "other"] as const;

// ---- The text world (Views.RoomView and the world.* messages of ServerMessage) ----

/** A room's content rating: who may enter depends on it (adult rooms only for accounts that opted in). */
export type Rating = "general" | "mature" | "adult";
/** A way out of a room: the word that takes it, its other words, and the name, id and rating of where it leads. */
export interface ExitView { name: string; aliases: string[]; to: string; toId: string; rating: Rating }
/** A thing lying in a room or carried; a fixed one cannot be picked up. */
export interface ThingView { id: string; name: string; portable: boolean }
/** A room as everyone there sees it; `owner` is absent for the operator's rooms. */
export interface RoomView { id: string; name: string; description: string; rating: Rating; owner?: Author; exits: ExitView[]; things: ThingView[] }
/** A persona present in a room, as others there see it. */
export interface Occupant { id: string; name: string; status: Presence; statusLine?: string; avatar?: string; shown?: Shown }
export type WorldLineKind = "say" | "pose" | "semipose" | "emit" | "whisper" | "page";
/** One line of the world; a whisper reaches bystanders without `text`, and a page has no `room`. */
export interface WorldLine { id: string; room?: string; kind: WorldLineKind; author: Author; to?: Author; text?: string; at: number }
/** What `look TARGET` found; fields beyond kind, id and name depend on the kind. */
export interface Looked {
  kind: "persona" | "thing" | "exit" | "emit"; id?: string; name?: string; description?: string; summary?: string; pronouns?: string;
  to?: string; rating?: Rating; lines?: WorldLine[];
}
/** A persona in the world, for `who`, and with the name of its room for `where`. */
export interface WhoEntry { persona: Author; status: Presence; statusLine?: string; room?: string }

/** How a persona came into a room; with `via`, the exit of this room that leads back where it came from. */
export type ArrivedHow = "moved" | "entered" | "connected" | "home" | "joined" | "moved_by_moderator" | "room_gone";
/** How a persona left a room; with `via`, the exit it took. */
export type DepartedHow = "moved" | "left" | "disconnected" | "home" | "gone" | "moved_by_moderator" | "room_gone";

/** Every message of the text world: replies (with `id`) and events (without), exactly as the server writes them. */
export type WorldMessage =
  | { type: "world.room"; id?: string; persona: string; room: RoomView; here: Occupant[] }
  | { type: "world.look"; id?: string; persona: string; target: Looked }
  | { type: "world.who"; id?: string; people: WhoEntry[] }
  | { type: "world.inventory"; id?: string; persona: string; things: ThingView[] }
  | { type: "world.help"; id?: string; topic: string; text: string; topics: string[] }
  | { type: "world.done"; id?: string; persona: string; text: string }
  | { type: "world.arrived"; room: string; persona: Occupant; via?: string; how: ArrivedHow }
  | { type: "world.departed"; room: string; persona: Author; via?: string; how: DepartedHow }
  | { type: "world.line"; line: WorldLine }
  | { type: "world.updated"; room: RoomView }
  | { type: "world.thing"; room: string; by: Author; action: "got" | "dropped" | "gave"; thing: ThingView; to?: Author }
  | { type: "world.presence"; room: string; persona: string; status: Presence; statusLine?: string };
