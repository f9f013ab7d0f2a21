import * as http from "../api/http";
import type { AuditEntry, Block, ChannelMessage, Joined, Member, Persona, Report, ServerMessage, Session } from "../api/protocol";
import { Connection, Refused } from "../api/socket";
import { somethingNew } from "../ui/notify";
import { type Heard } from "./activity";
import { signedInAnew } from "./lock";
import * as avatars from "./avatars";
import { hangUpEverything } from "./calls/calls";
import type { Spoken } from "./commands";
import * as consent from "./consent";
import { written, type Dice } from "./dice";
import * as directory from "./directory";
import { setHighlightWords, namesMe } from "./highlights";
import { channelKey, enter, gone, go, heard, readElsewhere, standing } from "./navigation";
import { barsTheAccount, noticeText } from "./notices";
import { readMarks } from "./readMarks";
import * as sceneAgent from "./scenes";
import * as world from "./worldSession";
import * as statuses from "./statuses";
import { heardStatus } from "./statuses";
import * as presence from "./presence";
import * as typing from "./typingSession";
import { breakReminder, keepsOut, keptOut, warning, type ExclusionPeriod, type Limits, type Wellbeing } from "./wellbeing";
import {
  connection, forgetAll, freshRecoveryCodes, merge, moderatorNotices, notice, ownPersonaChanged, personas, role, rooms, signedIn, speaker, updateRoom, username,
  type Room,
} from "./state";

let socket: Connection | null = null;

/** On page load: if the session cookie still works, connect; otherwise show the way in. */
export async function resume(): Promise<void> {
  const current = await http.session();
  if (!current.signedIn) {
    signedIn.value = false;
    return;
  }
  username.value = current.username ?? "";
  await connect();
  signedIn.value = true;
}

/** Registers and goes in; the recovery codes wait in {@link freshRecoveryCodes} until the person has kept them. */
export async function register(name: string, password: string): Promise<void> {
  const registered = await http.register(name, password);
  freshRecoveryCodes.value = registered.recoveryCodes ?? [];
  await signIn(registered.username);
}

/** Logs in with the password; for an account with an authenticator app, the pending log-in its code completes. */
export async function login(name: string, password: string): Promise<string | null> {
  return entered(await http.login(name, password).catch(keptOutBy));
}

/** The second step: a code from the app, or a recovery code. */
export async function loginWithCode(pending: string, code: string): Promise<void> {
  const loggedIn = await http.loginWithCode(pending, code).catch(keptOutBy);
  await signIn(loggedIn.username);
}

/** Sets a new password with a recovery code; like a log-in, it may then wait for the app's code. */
export async function recover(name: string, code: string, password: string): Promise<string | null> {
  return entered(await http.recover(name, code, password).catch(keptOutBy));
}

async function entered(answer: http.LoggedIn | http.CodeNeeded): Promise<string | null> {
  if (http.waitsForCode(answer)) return answer.pending;
  await signIn(answer.username);
  return null;
}

async function signIn(name: string): Promise<void> {
  username.value = name;
  signedInAnew();
  await connect();
  signedIn.value = true;
}

function keptOutBy(failure: unknown): never {
  noteKeptOut(failure);
  throw failure;
}

export async function logout(): Promise<void> {
  socket?.stop();
  socket = null;
  await http.logout().catch(() => undefined);
  await sceneAgent.forget();
  forgetAll();
  signedIn.value = false;
}

/** A suspension's or ban's words, kept for the log-in screen the close that follows it leads to. */
let barred: string | null = null;

function connect(): Promise<void> {
  socket?.stop();
  socket = new Connection({
    open: () => new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`),
    ticket: http.ticket,
    ready: (welcome) => ready(welcome),
    event: (message) => event(message),
    state: (state) => (connection.value = state),
    ended: (reason, refusal) => {
      // Signed out by the server (a revoked session, a suspension, a limit of the person's own): no call outlives the account's socket.
      hangUpEverything();
      if (refusal) noteKeptOut(refusal);
      forgetAll();
      signedIn.value = false;
      notice.value = keptOut.value ? null : barred ?? reason;
      barred = null;
    },
  });
  return socket.start();
}

/** A refusal of the person's own limit leads to the page that says until when Tryst opens again, never to a failure. */
function noteKeptOut(failure: unknown): void {
  if (failure instanceof Refused && keepsOut(failure.code)) keptOut.value = { code: failure.code, until: Date.now() + (failure.retryAfterMs ?? 0) };
}

// The browser knows before TCP does when the network goes and comes back.
if (typeof window !== "undefined") {
  window.addEventListener("offline", () => socket?.drop());
  window.addEventListener("online", () => socket?.reconnectNow());
}

/** The socket said hello (first time or after a drop): reload personas and what the speaker follows. */
async function ready(welcome: ServerMessage): Promise<void> {
  username.value = String(welcome.username ?? username.value);
  role.value = (welcome.role as typeof role.value | undefined) ?? "member";
  personas.value = welcome.personas as Persona[];
  statuses.start(request);
  typing.start(request, welcome.shareTyping !== false);
  const current = speaker.value && personas.value.find((persona) => persona.id === speaker.value!.id);
  const chosen = current ?? personas.value[0] ?? null;
  if (chosen) await use(chosen);
  await world.start(request, speaker.value?.id ?? null);
  readMarks.start(sendMark);
  await directory.start(request);
  await consent.start(request);
  await sceneAgent.start(request, username.value, personas.value);
}

export function request<T extends ServerMessage>(type: string, fields: Record<string, unknown> = {}): Promise<T> {
  if (!socket) return Promise.reject(new Refused("offline", "Not connected."));
  return socket.request<T>(type, fields);
}

/**
 * Speaks as a persona from now on; its channels come back with the answer, each with its recent
 * history and what the persona has not read there yet, on whichever device it read the rest.
 */
export async function use(persona: Persona): Promise<void> {
  const answer = await request<ServerMessage & { channels: Joined[] }>("persona.use", { persona: persona.id });
  speaker.value = persona;
  const next = new Map<string, Room>();
  for (const joined of answer.channels) {
    heardIn(joined);
    const before = rooms.value.get(joined.channel);
    const messages = merge(before?.messages ?? [], joined.history);
    next.set(joined.channel, { name: joined.channel, topic: joined.topic, members: joined.members, messages });
    standing(channelKey(joined.channel), messages.map(heardOf), joined.unread ?? 0, messages.at(-1)?.at ?? Date.now());
  }
  for (const name of rooms.value.keys()) if (!next.has(name)) gone(channelKey(name));
  rooms.value = next;
}

/** A channel line as activity counts it: whether it is the person's own, and whether it names them. */
function heardOf(message: ChannelMessage): Heard {
  const mine = personas.value.some((persona) => persona.id === message.persona.id);
  return { id: message.id, at: message.at, mine, mentionsMe: !mine && namesMe(message.text) };
}

/** The members and history of a channel just joined carry each persona's picture as it is now. */
function heardIn(joined: Joined): void {
  avatars.heard(...joined.members, ...joined.history.map((line) => line.persona));
}

/** A channel line counts as activity in its conversation: new to the person unless it is theirs or they look at it. */
function noteLine(message: ChannelMessage): void {
  heard(channelKey(message.channel), heardOf(message));
}

/** The newest line of an open channel is on the screen: it is read, here and, once marked, on the person's other devices. */
export function seen(channel: string, message: string): void {
  if (speaker.value) readMarks.shown(speaker.value.id, channel, message);
}

/** Sends a read mark; one the server refuses (the line or the membership is gone) is dropped, one not sent is tried again. */
function sendMark(persona: string, channel: string, message: string): Promise<unknown> {
  return request("channel.read", { persona, channel, message }).catch((failure) => {
    if (failure instanceof Refused && failure.code !== "offline") return;
    throw failure;
  });
}

export async function createPersona(name: string, summary: string, pronouns: string): Promise<Persona> {
  const { persona } = await request<ServerMessage & { persona: Persona }>("persona.create", { name, summary, pronouns });
  personas.value = [...personas.value, persona];
  await sceneAgent.personaAdded(persona);
  if (!speaker.value) await use(persona);
  return persona;
}

export async function updatePersona(id: string, summary: string, description: string, pronouns: string): Promise<void> {
  ownPersonaChanged((await request<ServerMessage & { persona: Persona }>("persona.update", { persona: id, summary, description, pronouns })).persona);
}

/** Gives one of the account's personas a picture (base64 of a PNG or JPEG the server re-encodes), or takes it away (null). */
export async function setPicture(id: string, image: string | null): Promise<void> {
  ownPersonaChanged((await request<ServerMessage & { persona: Persona }>("persona.avatar", { persona: id, image })).persona);
}

/** Anyone's profile, by name; its picture is then known wherever the persona shows. */
export async function showPersona(name: string): Promise<Persona> {
  const { persona } = await request<ServerMessage & { persona: Persona }>("persona.show", { name });
  avatars.heard(persona);
  heardStatus(persona.id, persona.status, persona.statusLine);
  return persona;
}

/** Joins a channel (creating it when it does not exist yet) and goes there. */
export async function join(name: string): Promise<void> {
  const persona = requireSpeaker();
  let joined: Joined;
  try {
    joined = (await request<ServerMessage & { channel: Joined }>("channel.join", { persona: persona.id, channel: name })).channel;
  } catch (failure) {
    if (!(failure instanceof Refused) || failure.code !== "not_found") throw failure;
    joined = (await request<ServerMessage & { channel: Joined }>("channel.create", { persona: persona.id, channel: name })).channel;
  }
  heardIn(joined);
  const next = new Map(rooms.value);
  next.set(joined.channel, { name: joined.channel, topic: joined.topic, members: joined.members, messages: joined.history });
  rooms.value = next;
  enter(channelKey(joined.channel), joined.history.at(-1)?.at ?? Date.now());
  go({ kind: "channel", name: joined.channel });
}

/** Leaves a channel; the person goes where the caller says. */
export async function leave(name: string): Promise<void> {
  await request("channel.leave", { persona: requireSpeaker().id, channel: name });
  const next = new Map(rooms.value);
  next.delete(name);
  rooms.value = next;
  gone(channelKey(name));
}

/** Says or poses in a channel; the line appears when the server relays it back, once even if the request is sent again. */
export async function say(channel: string, line: Spoken): Promise<void> {
  await request(line.kind, { persona: requireSpeaker().id, channel, text: line.text, message: crypto.randomUUID() });
}

/** Rolls dice in a channel: the server rolls them and relays its line of kind roll, as for say, once even if sent again. */
export async function roll(channel: string, dice: Dice): Promise<void> {
  await request("roll", { persona: requireSpeaker().id, channel, dice: written(dice), message: crypto.randomUUID() });
}

/** Fetches the fifty lines before the oldest one shown; false when there are none. */
export async function older(channel: string): Promise<boolean> {
  const room = rooms.value.get(channel);
  if (!room) return false;
  const before = room.messages[0]?.id;
  const answer = await request<ServerMessage & { messages: ChannelMessage[] }>("channel.history",
    { persona: requireSpeaker().id, channel, ...(before ? { before } : {}), limit: 50 });
  avatars.heard(...answer.messages.map((line) => line.persona));
  updateRoom(channel, (current) => ({ ...current, messages: merge(current.messages, answer.messages) }));
  return answer.messages.length > 0;
}

export async function setTopic(channel: string, topic: string): Promise<void> {
  await request("channel.topic", { persona: requireSpeaker().id, channel, topic });
}

export async function sessions(): Promise<Session[]> {
  return (await request<ServerMessage & { sessions: Session[] }>("sessions.list")).sessions;
}

export async function revokeSession(id: string): Promise<void> {
  await request("session.revoke", { session: id });
}

export async function deleteAccount(password: string): Promise<void> {
  await request("account.delete", { password });
  // The server closes the socket right after its answer; closing it here too would cross its close.
  socket?.letGo();
  socket = null;
  await sceneAgent.forget();
  setHighlightWords("");
  forgetAll();
  signedIn.value = false;
  notice.value = "Your account and everything in it is deleted.";
}

// ---- The person's own limits ----

/** The account's limits, a loosening waiting, and its use of the last 30 days. */
export async function wellbeing(): Promise<Wellbeing> {
  return (await request<ServerMessage & { wellbeing: Wellbeing }>("wellbeing.show")).wellbeing;
}

/** Asks for new limits: what tightens applies at once, what loosens 24 hours later. */
export async function setWellbeing(limits: Limits): Promise<Wellbeing> {
  return (await request<ServerMessage & { wellbeing: Wellbeing }>("wellbeing.set", { ...limits })).wellbeing;
}

/** Excludes the account for a period, at once; the server then closes every session, this one too, and the page says until when. */
export async function exclude(period: ExclusionPeriod): Promise<void> {
  const { excludedUntil } = (await request<ServerMessage & { wellbeing: Wellbeing }>("wellbeing.exclude", { period })).wellbeing;
  socket?.letGo();
  socket = null;
  await sceneAgent.forget();
  forgetAll();
  keptOut.value = { code: "excluded", until: excludedUntil ?? Date.now() };
  signedIn.value = false;
}

/** The account's blocks and mutes, newest first. */
export async function blocks(): Promise<Block[]> {
  return (await request<ServerMessage & { blocks: Block[] }>("blocks.list")).blocks;
}

/**
 * Blocks or mutes a persona (a block may cover everyone behind it), or lifts either; answers the list.
 * The server hides their lines from now on; those already on screen go too, as history would leave them out.
 */
export async function changeBlocks(type: "block" | "unblock" | "mute" | "unmute", target: string,
  scope?: "persona" | "account"): Promise<Block[]> {
  const answer = await request<ServerMessage & { blocks: Block[] }>(type, { target, ...(scope ? { scope } : {}) });
  if (type === "block" || type === "mute") {
    for (const name of rooms.value.keys()) {
      updateRoom(name, (room) => ({ ...room, messages: room.messages.filter((line) => line.persona.id !== target) }));
    }
  }
  return answer.blocks;
}

// ---- Reports and moderation ----

/** Reports a channel line by its id; the server files its own copy of it. */
export async function reportChannel(message: ChannelMessage, reason: string, note: string): Promise<Report> {
  return (await request<ServerMessage & { report: Report }>("report.channel",
    { persona: requireSpeaker().id, channel: message.channel, message: message.id, reason, ...(note ? { note } : {}) })).report;
}

/** The reports this account filed, with where each stands. */
export async function myReports(): Promise<Report[]> {
  return (await request<ServerMessage & { reports: Report[] }>("report.list")).reports;
}

/** Moderators: the report queue (open ones first; `all` adds resolved ones). */
export async function reportQueue(all: boolean): Promise<Report[]> {
  return (await request<ServerMessage & { reports: Report[] }>("mod.reports", { all })).reports;
}

/** Moderators: one decision (see `mod.act`); the server applies it at once and writes it to the audit log. */
export async function moderate(fields: { action: string; target?: string; scope?: string; hours?: number; reason?: string; report?: string }): Promise<void> {
  await request("mod.act", fields);
}

/** Moderators: the newest audit log entries and whether the hash chain verifies. */
export async function auditLog(): Promise<{ entries: AuditEntry[]; intact: boolean }> {
  return await request<ServerMessage & { entries: AuditEntry[]; intact: boolean }>("mod.audit", { limit: 50 });
}

function requireSpeaker(): Persona {
  if (!speaker.value) throw new Refused("no_persona", "Create a persona first.");
  return speaker.value;
}

/** Keeps the screen in step with what happens in the speaker's channels. */
function event(message: ServerMessage): void {
  if (sceneAgent.event(message) || directory.event(message) || world.event(message) || typing.event(message) || presence.event(message)) return;
  switch (message.type) {
    case "message": {
      const line = message.message as ChannelMessage;
      if (!rooms.value.has(line.channel)) break;
      const known = rooms.value.get(line.channel)!.messages.some((message) => message.id === line.id);
      updateRoom(line.channel, (room) => ({ ...room, messages: merge(room.messages, [line]) }));
      if (!known) noteLine(line);
      typing.spoke(channelKey(line.channel), line.persona.id);
      if (!personas.value.some((persona) => persona.id === line.persona.id)) somethingNew();
      break;
    }
    case "channel.read_up_to": {
      const channel = String(message.channel);
      const room = rooms.value.get(channel);
      if (message.persona !== speaker.value?.id || !room) break;
      readMarks.heard(String(message.persona), channel, String(message.message));
      readElsewhere(channelKey(channel), room.messages.map(heardOf), String(message.message));
      break;
    }
    case "member.joined":
      avatars.heard(message.member as Member);
      updateRoom(String(message.channel), (room) => ({
        ...room, members: [...room.members.filter((m) => m.id !== (message.member as Member).id), message.member as Member],
      }));
      break;
    case "member.updated": {
      // A new or removed picture: the member list and every line of the persona show it at once.
      const member = message.member as Member;
      avatars.heard(member);
      updateRoom(String(message.channel), (room) => ({ ...room, members: room.members.map((m) => (m.id === member.id ? member : m)) }));
      break;
    }
    case "member.left":
      updateRoom(String(message.channel), (room) => ({ ...room, members: room.members.filter((m) => m.id !== message.persona) }));
      break;
    case "topic":
      updateRoom(String(message.channel), (room) => ({ ...room, topic: String(message.topic) }));
      break;
    case "notice": {
      const said = noticeText(String(message.kind), String(message.text ?? ""), message.until as number | null | undefined);
      if (barsTheAccount(String(message.kind))) {
        barred = said;
        notice.value = said;
      } else {
        moderatorNotices.value = [...moderatorNotices.value, { at: Number(message.at), text: said }];
      }
      break;
    }
    case "wellbeing.warning":
      warning.value = { reason: message.reason as "daily_limit" | "quiet_hours", endsAt: Number(message.endsAt) };
      break;
    case "wellbeing.break":
      breakReminder.value = Number(message.minutes);
      break;
    case "error":
      // The error that comes before the server ends the session for a limit: the end page says until when.
      noteKeptOut(new Refused(String(message.code), String(message.message), Number(message.retryAfterMs ?? 0)));
      break;
    case "channel.closed": {
      const next = new Map(rooms.value);
      next.delete(String(message.channel));
      rooms.value = next;
      gone(channelKey(String(message.channel)));
      notice.value = `#${message.channel} was closed.`;
      break;
    }
    case "kicked": {
      const next = new Map(rooms.value);
      next.delete(String(message.channel));
      rooms.value = next;
      gone(channelKey(String(message.channel)));
      notice.value = `You were removed from #${message.channel}.`;
      break;
    }
  }
}

/** Whether an authenticator app is set up, and how many recovery codes are left. */
export interface Security { totp: boolean; recoveryCodes: number }

export const security = () => request<ServerMessage & Security>("security.show");

/** Starts setting up an app: the password, and a code of the app in use when one is set up already. */
export const beginTotp = (password: string, code?: string) =>
  request<ServerMessage & { secret: string; uri: string }>("totp.begin", code ? { password, code } : { password });

export const confirmTotp = (code: string) => request<ServerMessage & Security>("totp.confirm", { code });

export const turnOffTotp = (password: string, code: string) => request<ServerMessage & Security>("totp.off", { password, code });

/** Ten new recovery codes, shown at once until kept; the old ones stop working. */
export async function renewRecoveryCodes(password: string, code?: string): Promise<void> {
  const renewed = await request<ServerMessage & { codes: string[] }>("recovery.renew", code ? { password, code } : { password });
  freshRecoveryCodes.value = renewed.codes;
}
