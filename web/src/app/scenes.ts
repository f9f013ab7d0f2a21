import type { Author, Invitation, Persona, Report, Scene, SceneMessage, ServerMessage } from "../api/protocol";
import { Refused } from "../api/socket";
import { hex } from "../mls/bytes";
import type { Group, Mls } from "../mls/mls";
import { open, seal, type Body } from "../mls/message";
import { safetyNumber } from "../mls/safety";
import { Serial } from "../mls/serial";
import { TsMls } from "../mls/tsMls";
import { namesMe } from "./highlights";
import type { Spoken } from "./commands";
import { enter, gone, heard, sceneKey } from "./navigation";
import { loadDevice, saveDevice, wipeDevices } from "./device";
import { renderTranscript, transcriptNews, type TranscriptChoice } from "./transcript";
import * as avatars from "./avatars";
import * as calls from "./calls/calls";
import { parseCallMessage } from "./calls/messages";
import { parseTypingSignal, shareTyping } from "./typing";
import * as typingSession from "./typingSession";
import { start as verifying, verifications } from "./verification";
import {
  endedNotice, endedScene, invitationAccepted, invitationGone, invitations, keepEnded, notice, personas, purgeEnded, sceneEpochs, sceneLines,
  scenes, toasts, type SceneLine,
} from "./state";

/** Sends a request on the socket and resolves with the reply. */
export type Requester = <T extends ServerMessage>(type: string, fields?: Record<string, unknown>) => Promise<T>;

const KEY_PACKAGES_PER_UPLOAD = 10;
const ACK_DELAY_MS = 200;
/**
 * Signals reach only the devices online then, so a device offline during a call skips their ratchet
 * generations; ts-mls skips at most 200 (maximumForwardRatchetSteps). After this many signals in one
 * epoch a device renews its keys first, which starts a new epoch and a fresh count for everyone.
 */
const SIGNALS_PER_EPOCH = 100;
const SEEN_KEPT = 10_000;
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unbase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

let request: Requester;
let username = "";
let mls: Mls | null = null;
let deviceId = "";
let seen = new Set<string>();
let unacknowledged: string[] = [];
/** The scenes this page used the safeword in, with the cooling-off chosen, until their end arrives. */
const ownSafewords = new Map<string, number>();
let ackTimer: ReturnType<typeof setTimeout> | null = null;
/** How many signals this device sent in each scene's current epoch. */
const signalled = new Map<string, { epoch: bigint; count: number }>();
/** Everything that touches MLS state runs here, one at a time, in the order the server relays messages. */
let work = new Serial();

/**
 * Sets up this browser's device after each hello: loads it from IndexedDB (or makes and registers
 * one), attaches it, so that the server delivers its queue, and makes sure every persona can be
 * added to scenes from here.
 */
export async function start(requester: Requester, account: string, mine: Persona[]): Promise<void> {
  request = requester;
  calls.useTransport({ signal, request: (type, fields) => request(type, fields) });
  if (!mls || username !== account) await loadOrCreate(account);
  await request("device.attach", { device: deviceId });
  for (const persona of mine) if (mls!.unusedKeyPackages(persona.id) === 0) await uploadKeyPackages(persona.id);
  await refresh();
  await verifying({ mine: (sceneId) => myPersonaIn(sceneId)?.id, number: safety });
}

async function loadOrCreate(account: string): Promise<void> {
  username = account;
  work = new Serial();
  const stored = await loadDevice(account);
  if (stored) {
    mls = await TsMls.restore(stored.mls);
    deviceId = stored.deviceId;
    seen = new Set(stored.seen);
    return;
  }
  mls = await TsMls.create();
  const registered = await request<ServerMessage & { device: { id: string } }>("device.register", { signatureKey: base64(mls.signatureKey()) });
  deviceId = registered.device.id;
  seen = new Set();
  await save();
}

/** Forgets the device: its keys, scenes and what was said in them leave this browser. */
export async function forget(): Promise<void> {
  calls.hangUpEverything();
  mls = null;
  deviceId = "";
  seen = new Set();
  ownSafewords.clear();
  scenes.value = new Map();
  sceneLines.value = new Map();
  verifications.forget();
  await wipeDevices();
}

/** Saves the device and shows each scene's current epoch, since saving follows every change of one. */
async function save(): Promise<void> {
  await saveDevice({ username, deviceId, mls: mls!.save(), seen: [...seen].slice(-SEEN_KEPT) });
  const epochs = new Map<string, { epoch: string; authenticator: string }>();
  for (const id of scenes.value.keys()) {
    const group = mls!.group(id);
    if (group) epochs.set(id, { epoch: group.epoch().toString(), authenticator: hex(group.epochAuthenticator()) });
  }
  sceneEpochs.value = epochs;
}

async function refresh(): Promise<void> {
  const listed = await request<ServerMessage & { scenes: Scene[] }>("scene.list");
  scenes.value = new Map(listed.scenes.filter((scene) => mls!.group(scene.id)).map((scene) => [scene.id, scene]));
  avatars.heard(...[...scenes.value.values()].flatMap((scene) => scene.members));
  for (const scene of scenes.value.values()) {
    enter(sceneKey(scene.id), scene.createdAt);
    devicesChanged(scene.id);
  }
  const open = await request<ServerMessage & { received: Invitation[]; sent: Invitation[] }>("invitation.list");
  invitations.value = { received: open.received, sent: open.sent };
}

async function uploadKeyPackages(personaId: string): Promise<void> {
  const packages: string[] = [];
  for (let i = 0; i < KEY_PACKAGES_PER_UPLOAD; i++) packages.push(base64(await mls!.newKeyPackage(personaId)));
  const lastResort = base64(await mls!.newKeyPackage(personaId));
  await save();
  await request("keypackages.upload", { persona: personaId, keyPackages: packages, lastResort });
}

/** A new persona can be invited into scenes once this device has KeyPackages for it. */
export function personaAdded(persona: Persona): Promise<void> {
  return work.run(() => uploadKeyPackages(persona.id));
}

/** Handles the server's scene events; returns false for any other event. */
export function event(message: ServerMessage): boolean {
  switch (message.type) {
    case "scene.message":
      void work.run(() => receive(message.message as SceneMessage));
      return true;
    case "invitation.received": {
      const invitation = message.invitation as Invitation;
      invitations.value = { ...invitations.value, received: [...invitations.value.received, invitation] };
      toasts.value = [...toasts.value, { id: invitation.id, text: `${invitation.from.name} invites ${invitation.to.name} into a private scene.`,
        action: { label: "Show the invitation", view: { kind: "invitations" } } }];
      return true;
    }
    case "invitation.accepted":
      invitationAccepted(message.invitation as Invitation);
      void work.run(() => addAccepted(message.invitation as Invitation));
      return true;
    case "invitation.gone":
      invitationGone(String(message.invitation));
      return true;
    case "scene.signal":
      void work.run(() => signalReceived(String(message.scene), message.from, String(message.data)));
      return true;
    case "scene.changed": {
      const scene = message.scene as Scene;
      if (!mls?.group(scene.id)) return true;
      calls.membership(scene.id, mls.group(scene.id)!.ownLeaf(), devicesFor(scene));
      const news = transcriptNews(scenes.value.get(scene.id), scene, personas.value.map((p) => p.id));
      if (news) notice.value = news;
      avatars.heard(...scene.members);
      scenes.value = new Map(scenes.value).set(scene.id, scene);
      return true;
    }
    case "scene.ended": {
      const sceneId = String(message.scene);
      void work.run(async () => {
        const ended = endedScene(scenes.value.get(sceneId), sceneId, sceneLines.value.get(sceneId) ?? []);
        const hours = ownSafewords.get(sceneId);
        ownSafewords.delete(sceneId);
        keepEnded(ended);
        leaveLocally(sceneId, null);
        notice.value = endedNotice(hours, ended !== null);
        if (mls) await save();
      });
      return true;
    }
    case "keypackages.low":
      void work.run(() => uploadKeyPackages(String(message.persona)));
      return true;
    default:
      return false;
  }
}

/** Handles one relayed message in the scene's order, saves the new state, then acknowledges it shortly after. */
async function receive(message: SceneMessage): Promise<void> {
  if (!mls) return;
  if (!seen.has(message.id)) {
    seen.add(message.id);
    try {
      await handle(message);
    } catch (failure) {
      line(message.scene, { id: message.id, kind: "dropped", text: `A message could not be opened (${String((failure as Error).message ?? failure)}).`, at: message.at });
    }
    await save();
  }
  unacknowledged.push(message.id);
  ackTimer ??= setTimeout(acknowledge, ACK_DELAY_MS);
}

function acknowledge(): void {
  ackTimer = null;
  const batch = unacknowledged;
  unacknowledged = [];
  for (let from = 0; from < batch.length; from += 500) {
    request("scene.ack", { messages: batch.slice(from, from + 500) }).catch(() => undefined); // unacknowledged ones come again
  }
}

async function handle(message: SceneMessage): Promise<void> {
  const data = unbase64(message.data);
  if (message.kind === "welcome") {
    await mls!.join(data);
    await refresh();
    await save();
    const mine = new Set(personas.value.map((persona) => persona.id));
    const others = scenes.value.get(message.scene)?.members.filter((member) => !mine.has(member.id)).map((member) => member.name) ?? [];
    toasts.value = [...toasts.value, { id: `joined-${message.scene}`,
      text: others.length ? `You joined the private scene with ${others.join(", ")}.` : "You joined a private scene.",
      action: { label: "Open the scene", view: { kind: "scene", id: message.scene } } }];
    return;
  }
  const group = mls!.group(message.scene);
  if (!group) return;
  const handled = await group.handle(data);
  switch (handled.kind) {
    case "application": {
      const opened = await open(handled, message.from?.id ?? null, message.scene, BigInt(message.epoch));
      if (opened.kind === "dropped") line(message.scene, { id: message.id, kind: "dropped", text: `A message was dropped: ${opened.reason}.`, at: message.at });
      else line(message.scene, { id: message.id, kind: opened.body.kind, from: message.from, text: opened.body.text, at: message.at, expiresAt: message.expiresAt,
        frank: { sender: message.from!.id, receiver: myPersonaIn(message.scene)?.id ?? "", epoch: message.epoch, at: message.at,
          kid: message.kid ?? 0, tag: message.tag ?? "", commitment: base64(handled.authenticatedData.subarray(1)),
          frankingKey: base64(opened.key), body: base64(opened.json) } });
      break;
    }
    case "removed":
      leaveLocally(message.scene, "You are no longer in that scene.");
      break;
    case "proposalStored":
      void work.run(() => commitIfFirst(group));
      break;
    case "newEpoch":
      devicesChanged(message.scene);
      break;
  }
}

/** The staying member at the lowest leaf commits the server's removal of a member who left; one left alone waits for the next Add. */
async function commitIfFirst(group: Group): Promise<void> {
  if (mls?.group(group.id) !== group || !group.hasPendingProposals()) return;
  const staying = group.members().map((member) => member.leaf).filter((leaf) => !group.pendingRemovals().has(leaf));
  if (staying.length < 2 || Math.min(...staying) !== group.ownLeaf()) return;
  await commit(group.id, [], []);
}

/** Adds a persona that accepted an invitation this device's persona sent. */
async function addAccepted(invitation: Invitation): Promise<void> {
  const group = mls?.group(invitation.scene);
  if (!group || !group.members().some((m) => m.leaf === group.ownLeaf() && m.personaId === invitation.from.id)) return;
  const claimed = await request<ServerMessage & { keyPackages: { keyPackage: string }[] }>("keypackages.claim",
    { scene: invitation.scene, persona: invitation.to.id });
  await commit(invitation.scene, claimed.keyPackages.map((kp) => unbase64(kp.keyPackage)), []);
}

const retryable = (failure: unknown) => failure instanceof Refused && (failure.code === "stale_epoch" || failure.code === "proposals_pending");

/**
 * Commits; when the server refuses because another commit won or a removal waits, tries again
 * after the messages queued meanwhile (the winning commit among them) have been handled.
 */
async function commit(sceneId: string, adds: Uint8Array[], removes: number[], renewing = false): Promise<void> {
  const group = mls?.group(sceneId);
  if (!group) return;
  const made = await group.commit(adds, removes);
  try {
    await request("scene.send", { scene: sceneId, message: crypto.randomUUID(), data: base64(made.message),
      ...(made.welcome ? { welcome: base64(made.welcome) } : {}) });
    await group.confirm();
    devicesChanged(sceneId);
    await save();
  } catch (failure) {
    await group.discard();
    if (!retryable(failure)) throw failure;
    if (renewing || adds.length > 0 || removes.length > 0 || group.hasPendingProposals()) {
      void work.run(() => commit(sceneId, adds, removes, renewing));
    }
  }
}

/** Says or poses in a scene, end to end encrypted; resolves once the server has stored it. */
export function say(sceneId: string, spoken: Spoken): Promise<void> {
  const body: Body = { kind: spoken.kind, text: spoken.text };
  const clientId = crypto.randomUUID();
  return new Promise((resolve, reject) => {
    const attempt = () => work.run(async () => {
      const group = mls?.group(sceneId);
      if (!group) throw new Refused("not_member", "You are not in that scene.");
      const sealed = await seal(body, sceneId, group.epoch());
      const ciphertext = await group.protect(sealed.authenticatedData, sealed.plaintext);
      await save();
      try {
        await request("scene.send", { scene: sceneId, message: clientId, data: base64(ciphertext) });
        const speaker = group.members().find((member) => member.leaf === group.ownLeaf());
        const author = personas.value.find((persona) => persona.id === speaker?.personaId);
        line(sceneId, { id: clientId, kind: body.kind, from: author && { id: author.id, name: author.name }, text: body.text,
          at: Date.now(), expiresAt: expiry(sceneId) });
        resolve();
      } catch (failure) {
        if (retryable(failure)) attempt(); else reject(failure);
      }
    });
    attempt();
  });
}

/** Reports a received scene line with its franking, so that the server can verify it; resolves with the report as filed. */
export async function report(sceneId: string, line: SceneLine, reason: string, note: string): Promise<Report> {
  const frank = line.frank;
  if (!frank) throw new Refused("not_found", "That line cannot be reported from here.");
  const filed = await request<ServerMessage & { report: Report }>("report.scene", { persona: frank.receiver, scene: sceneId, message: line.id,
    sender: frank.sender, epoch: frank.epoch, at: frank.at, kid: frank.kid, tag: frank.tag, commitment: frank.commitment,
    frankingKey: frank.frankingKey, body: frank.body, reason, ...(note ? { note } : {}) });
  return filed.report;
}

/**
 * The fields of `scene.create`: the persona, and the world room it sets the scene in when one is
 * given (an empty or absent room means none, which the server wants left out rather than blank).
 */
export function creating(persona: string, room?: string): { persona: string; room?: string } {
  return room ? { persona, room } : { persona };
}

/** Opens a private scene with one of this account's personas, set in the world room `room` when given. */
export async function create(persona: Persona, room?: string): Promise<Scene> {
  const created = await request<ServerMessage & { scene: Scene }>("scene.create", creating(persona.id, room));
  await work.run(async () => {
    await mls!.create(created.scene.id, persona.id, unbase64(created.scene.externalSender));
    await save();
  });
  scenes.value = new Map(scenes.value).set(created.scene.id, created.scene);
  devicesChanged(created.scene.id);
  enter(sceneKey(created.scene.id), created.scene.createdAt);
  await work.run(save);
  return created.scene;
}

/** Leaves a scene at once and forgets its keys and lines. */
export async function leave(sceneId: string, persona: Author): Promise<void> {
  await request("scene.leave", { scene: sceneId, persona: persona.id });
  await work.run(async () => {
    leaveLocally(sceneId, null);
    await save();
  });
}

/** The safeword: ends the scene at once for everyone, and keeps the others from inviting this persona for the cooling-off. */
export async function safeword(sceneId: string, persona: Author, coolingOffHours = 24): Promise<void> {
  // Noted before asking: the scene's end may reach this socket before the answer does.
  ownSafewords.set(sceneId, coolingOffHours);
  try {
    await request("scene.safeword", { scene: sceneId, persona: persona.id, coolingOffHours });
  } catch (failure) {
    ownSafewords.delete(sceneId);
    throw failure;
  }
}

/** Asks to keep a scene's transcript, or agrees, refuses or withdraws; every member sees the new state. */
export async function consentToTranscript(sceneId: string, persona: Author, choice: TranscriptChoice): Promise<void> {
  await request("transcript.consent", { scene: sceneId, persona: persona.id, choice });
}

/**
 * The scene's transcript from the lines this browser still holds, marked as the persona's copy. The
 * server hands out the mark only while every member agrees, and never sees the text.
 */
export async function exportTranscript(sceneId: string, persona: Author): Promise<string> {
  const marked = await request<ServerMessage & { mark: string; at: number }>("transcript.export", { scene: sceneId, persona: persona.id });
  const now = Date.now();
  const lines = (sceneLines.value.get(sceneId) ?? []).filter((l) => l.kind !== "dropped" && (l.expiresAt === undefined || l.expiresAt > now));
  return renderTranscript(sceneId, persona, marked.mark, marked.at, lines);
}

export async function chooseTimer(sceneId: string, persona: Author, seconds: number): Promise<void> {
  await request("scene.timer", { scene: sceneId, persona: persona.id, seconds });
}

/** The safety number of this device's persona in a scene and another member, in twelve groups of five digits. */
export function safety(sceneId: string, otherPersonaId: string): Promise<string> {
  return work.run(async () => {
    const group = mls?.group(sceneId);
    if (!group) throw new Refused("not_member", "You are not in that scene.");
    const members = group.members();
    const mine = members.find((member) => member.leaf === group.ownLeaf())!.personaId;
    const keys = (persona: string) => members.filter((member) => member.personaId === persona).map((member) => member.signatureKey);
    // Without a device in the group there are no keys to compare: not a number anyone could check.
    if (keys(otherPersonaId).length === 0) throw new Refused("not_joined", "They have not joined this scene yet: compare once they have.");
    return safetyNumber(mine, keys(mine), otherPersonaId, keys(otherPersonaId));
  });
}

/** Renews this device's keys in a scene (an MLS commit with a fresh path), so that a stolen old key opens nothing new. */
export function renewKeys(sceneId: string): Promise<void> {
  return work.run(() => commit(sceneId, [], [], true));
}

/** This device's persona in a scene. */
export function myPersonaIn(sceneId: string): Author | undefined {
  const group = mls?.group(sceneId);
  const leaf = group?.members().find((member) => member.leaf === group.ownLeaf());
  const persona = leaf && personas.value.find((p) => p.id === leaf.personaId);
  return persona && { id: persona.id, name: persona.name };
}

/**
 * Drops lines whose timer ran out, those of ended scenes too: the plaintext leaves the screen and
 * memory when the server deletes the ciphertext.
 */
export function purgeExpired(now = Date.now()): void {
  purgeEnded(now);
  let changed = false;
  const next = new Map(sceneLines.value);
  for (const [scene, lines] of next) {
    const kept = lines.filter((l) => l.expiresAt === undefined || l.expiresAt > now);
    if (kept.length !== lines.length) { next.set(scene, kept); changed = true; }
  }
  if (changed) sceneLines.value = next;
}

function expiry(sceneId: string): number | undefined {
  const seconds = scenes.value.get(sceneId)?.timerSeconds ?? 0;
  return seconds === 0 ? undefined : Date.now() + seconds * 1000;
}

/** A line for the scene's screen; one someone else wrote (it carries franking) is new to the person unless they look at it. */
function line(sceneId: string, added: SceneLine): void {
  const next = new Map(sceneLines.value);
  next.set(sceneId, [...(next.get(sceneId) ?? []), added]);
  sceneLines.value = next;
  if (added.from) typingSession.spoke(sceneKey(sceneId), added.from.id);
  const mine = added.kind !== "dropped" && !added.frank;
  heard(sceneKey(sceneId), { id: added.id, at: added.at, mine,
    mentionsMe: !mine && namesMe(added.text) });
}

/** A call signal: opened like a scene's line, but it never becomes one, and the MLS sender must be the persona the server names. */
async function signalReceived(sceneId: string, from: unknown, data: string): Promise<void> {
  const group = mls?.group(sceneId);
  if (!group || typeof from !== "string") return;
  let opened;
  try {
    opened = await group.openApplication(unbase64(data));
  } catch {
    return; // a signal from an epoch this device no longer holds, or not one at all: calls ask again
  }
  const current = group.members().find((member) => member.leaf === opened.sender.leaf);
  if (opened.sender.personaId !== from || current?.personaId !== from) return;
  const json = new TextDecoder("utf-8", { fatal: false }).decode(opened.plaintext);
  const typing = parseTypingSignal(json);
  if (typing !== undefined) {
    const name = scenes.value.get(sceneId)?.members.find((member) => member.id === from)?.name;
    if (name) typingSession.heard(sceneKey(sceneId), from, name, typing);
    return;
  }
  const message = parseCallMessage(json);
  if (message) calls.received(sceneId, opened.sender.leaf, message);
}

/**
 * Tells the scene's devices online now that the persona this device speaks as there is typing, or
 * stopped: a signal inside the scene's encryption, so the server never learns it. Nothing when the
 * account does not share typing, and nothing to show when it cannot be sent.
 */
export function typing(sceneId: string, typing: boolean): void {
  if (!shareTyping.value || !mls?.group(sceneId)) return;
  signal(sceneId, JSON.stringify({ kind: "typing", typing })).catch(() => undefined);
}

/**
 * Sends a call message to the devices of a scene online now, at the group's current epoch, after
 * the messages queued before it; a commit that won meanwhile makes it try again at the new epoch.
 */
function signal(sceneId: string, json: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = (): void => void work.run(async () => {
      const group = mls?.group(sceneId);
      if (!group) throw new Refused("not_member", "You are not in that scene.");
      const sent = signalled.get(sceneId);
      if (sent && sent.epoch === group.epoch() && sent.count >= SIGNALS_PER_EPOCH) await commit(sceneId, [], [], true);
      const epoch = group.epoch();
      const count = signalled.get(sceneId)?.epoch === epoch ? signalled.get(sceneId)!.count : 0;
      signalled.set(sceneId, { epoch, count: count + 1 });
      const ciphertext = await group.protect(new Uint8Array(0), new TextEncoder().encode(json));
      await save();
      try {
        await request("scene.signal", { scene: sceneId, data: base64(ciphertext) });
        resolve();
      } catch (failure) {
        if (retryable(failure)) attempt(); else reject(failure);
      }
    }).catch(reject);
    attempt();
  });
}

/** The devices of a scene as its group lists them, for its call, once the scene is known here. */
function devicesChanged(sceneId: string): void {
  const group = mls?.group(sceneId);
  const scene = scenes.value.get(sceneId);
  if (group && scene) calls.membership(sceneId, group.ownLeaf(), devicesFor(scene));
}

/** The group's devices whose personas the scene lists: a device of a member on the way out is no longer asked. */
function devicesFor(scene: Scene): { leaf: number; persona: string }[] {
  const group = mls!.group(scene.id)!;
  const listed = new Set(scene.members.map((member) => member.id));
  return group.members().filter((member) => listed.has(member.personaId)).map((member) => ({ leaf: member.leaf, persona: member.personaId }));
}

/** The scene is gone from this device: its keys, its lines and its place in the list; whoever looked at it goes home. */
function leaveLocally(sceneId: string, why: string | null): void {
  calls.sceneGone(sceneId);
  signalled.delete(sceneId);
  gone(sceneKey(sceneId));
  mls?.forget(sceneId);
  const listed = new Map(scenes.value);
  listed.delete(sceneId);
  scenes.value = listed;
  const lines = new Map(sceneLines.value);
  lines.delete(sceneId);
  sceneLines.value = lines;
  if (why) notice.value = why;
}

