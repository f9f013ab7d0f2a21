/**
 * Calls in this browser: one {@link CallMachine} per scene, fed with the scene's decrypted signals
 * and its membership by scenes.ts, and one {@link Mesh} per call this device is in. The UI reads
 * {@link calls} and acts through the functions here; the panic key ends every call at once.
 */
import { signal } from "@preact/signals";
import type { ServerMessage } from "../../api/protocol";
import { Serial } from "../../mls/serial";
import { notice, scenes, toasts, view } from "../state";
import { CallMachine, type CallView, type Device, type Effect, type Ending } from "./machine";
import { Mesh, type Quality, type Turn } from "./mesh";
import type { CallMessage } from "./messages";

/** What the call panel of one scene shows. */
export interface CallScreen {
  call: CallView | null;
  /** Whether the operator relays calls through TURN; null until the server said. */
  relay: boolean | null;
  camera: boolean;
  microphone: boolean;
  /** The partner devices whose video this person chose to see unblurred, in this call. */
  shown: ReadonlySet<number>;
  /** This device's camera and microphone, and each linked partner's media and quality. */
  local: MediaStream | null;
  remote: ReadonlyMap<number, { stream: MediaStream; quality: Quality }>;
}

/** The calls of every scene this device is in, by scene id. */
export const calls = signal<ReadonlyMap<string, CallScreen>>(new Map());

/** Whether this person lets calls connect directly, which shows partners their address, for better quality. Off by default, and per visit. */
export const directAllowed = signal(false);

/** What the calls need from the scenes: sending a signal, and asking the server. */
export interface Transport {
  signal(sceneId: string, json: string): Promise<void>;
  request<T extends ServerMessage>(type: string, fields: Record<string, unknown>): Promise<T>;
}

interface Entry { machine: CallMachine; mesh: Mesh | null; turn: Turn | null; shown: Set<number>; work: Serial; relay: boolean | null }

/** TURN credentials are asked for again when they have less than this left. */
const TURN_MARGIN_MS = 60_000;

let transport: Transport | null = null;
const entries = new Map<string, Entry>();

/** Connects the calls to the scenes' signalling, once per page. */
export function useTransport(t: Transport): void {
  transport = t;
}

/** The scene's devices now (after a Welcome, a commit, or a change of members); a change ends its call. */
export function membership(sceneId: string, own: number, devices: Device[]): void {
  const entry = entries.get(sceneId);
  if (!entry) {
    const fresh: Entry = { machine: new CallMachine(own, devices), mesh: null, turn: null, shown: new Set(), work: new Serial(), relay: null };
    entries.set(sceneId, fresh);
    // This device just came online in the scene: if a call is on, one device in it says so.
    run(sceneId, fresh, fresh.machine.ask());
    return;
  }
  run(sceneId, entry, entry.machine.membership(devices));
}

/** A call message from a device of the scene, its sender checked by scenes.ts. */
export function received(sceneId: string, from: number, message: CallMessage): void {
  const entry = entries.get(sceneId);
  if (!entry) return;
  const before = entry.machine.view()?.id;
  run(sceneId, entry, entry.machine.received(from, message));
  const call = entry.machine.view();
  if (call && call.id !== before) asked(sceneId, call);
}

/** Someone proposed a call: the person hears of it wherever they are in the app, and goes to the scene to answer. */
function asked(sceneId: string, call: CallView): void {
  const here = view.value;
  if (here.kind === "scene" && here.id === sceneId) return; // the call panel asks already
  const proposer = call.participants.find((p) => p.leaf === call.proposer);
  const name = scenes.value.get(sceneId)?.members.find((m) => m.id === proposer?.persona)?.name ?? "Someone";
  toasts.value = [...toasts.value, { id: `call-${call.id}`, text: `${name} proposes a call in your private scene.`,
    action: { label: "Open the scene to answer", view: { kind: "scene", id: sceneId } } }];
}

/** The scene ended or this device left it: its call ends at once. */
export function sceneGone(sceneId: string): void {
  const entry = entries.get(sceneId);
  if (!entry) return;
  run(sceneId, entry, entry.machine.end("scene"));
  entries.delete(sceneId);
  publish();
}

/** Proposes a call in a scene. */
export function propose(sceneId: string): void {
  act(sceneId, (machine) => machine.propose(crypto.randomUUID()));
}

/** Says yes (with camera and microphone still off) or no to the scene's call. */
export function answer(sceneId: string, yes: boolean): void {
  act(sceneId, (machine) => machine.answer(yes));
}

/** Leaves the scene's call at once. */
export function leave(sceneId: string): void {
  act(sceneId, (machine) => machine.leave());
}

/** Turns this device's camera or microphone on or off, from a chosen device or the default. */
export async function setDevice(sceneId: string, kind: "camera" | "microphone", on: boolean, deviceId?: string): Promise<void> {
  const entry = entries.get(sceneId);
  const mesh = entry?.mesh;
  if (!entry || !mesh) return;
  try {
    if (kind === "camera") await mesh.setCamera(on, deviceId);
    else await mesh.setMicrophone(on, deviceId);
  } catch (failure) {
    notice.value = `The ${kind} did not turn on (${(failure as Error).message}).`;
  }
  run(sceneId, entry, entry.machine.media(mesh.cameraOn(), mesh.microphoneOn()));
}

/** Shows a partner's video unblurred, for this call only. */
export function show(sceneId: string, leaf: number): void {
  entries.get(sceneId)?.shown.add(leaf);
  publish();
}

/** Blurs a partner's video again. */
export function blur(sceneId: string, leaf: number): void {
  entries.get(sceneId)?.shown.delete(leaf);
  publish();
}

/** Asks the server whether it relays calls, so that the panel can say so before anyone says yes. */
export function learnRelay(sceneId: string): void {
  const entry = entries.get(sceneId);
  if (entry && entry.relay === null) void turn(sceneId, entry).catch(() => undefined);
}

/** Ends every call on this page at once and synchronously: the panic key, logging out. */
export function hangUpEverything(): void {
  for (const entry of entries.values()) {
    entry.mesh?.close();
    entry.mesh = null;
  }
  entries.clear();
  calls.value = new Map();
}

function act(sceneId: string, step: (machine: CallMachine) => Effect[]): void {
  const entry = entries.get(sceneId);
  if (entry) run(sceneId, entry, step(entry.machine));
}

function run(sceneId: string, entry: Entry, effects: Effect[]): void {
  for (const effect of effects) {
    switch (effect.kind) {
      case "send":
        void send(sceneId, effect.message);
        break;
      case "offer":
        queue(entry, (mesh) => mesh.offer(effect.leaf));
        break;
      case "accept":
        queue(entry, (mesh) => mesh.accept(effect.leaf, effect.sdp));
        break;
      case "answered":
        queue(entry, (mesh) => mesh.answered(effect.leaf, effect.sdp));
        break;
      case "candidate":
        queue(entry, (mesh) => mesh.candidate(effect.leaf, effect.candidate));
        break;
      // Closing never waits in the queue: nothing more may reach a partner who is out.
      case "disconnect":
        entry.mesh?.disconnect(effect.leaf);
        break;
      case "stop":
        entry.mesh?.stopMedia();
        break;
      case "ended":
        entry.mesh?.close();
        entry.mesh = null;
        entry.shown.clear();
        notice.value = endedText(effect.why);
        break;
    }
  }
  // A call this device said yes to (or proposed) gets its mesh now, so that the self-view can start before partners join.
  const call = entry.machine.view();
  const me = call?.participants.find((p) => p.leaf === call.me);
  if (call && me?.answer === "yes" && me.media) meshFor(sceneId, entry, call.id);
  if (call && entry.relay === null) learnRelay(sceneId);
  publish();
}

function endedText(why: Ending): string | null {
  switch (why) {
    case "over": return "The call ended.";
    case "members": return "The scene's members changed, so the call ended: propose a new one to ask everyone again.";
    case "scene": return null;
  }
}

function meshFor(sceneId: string, entry: Entry, callId: string): Mesh {
  if (entry.mesh?.call === callId) return entry.mesh;
  entry.mesh?.close();
  const mesh: Mesh = new Mesh({
    call: callId,
    signal: (message) => send(sceneId, message),
    turn: () => turn(sceneId, entry),
    allowDirect: () => directAllowed.value,
    mayReach: (leaf): boolean => entry.mesh === mesh && entry.machine.view()?.id === callId && entry.machine.mayReach(leaf),
    changed: publish,
  });
  entry.mesh = mesh;
  return mesh;
}

function queue(entry: Entry, step: (mesh: Mesh) => Promise<void>): void {
  const mesh = entry.mesh;
  if (!mesh) return;
  void entry.work.run(() => step(mesh)).catch((failure) => {
    if (entry.mesh === mesh) notice.value = `A call connection failed (${(failure as Error).message}).`;
  });
}

async function send(sceneId: string, message: CallMessage): Promise<void> {
  try {
    await transport!.signal(sceneId, JSON.stringify(message));
  } catch (failure) {
    notice.value = `The call could not reach the scene (${(failure as Error).message}).`;
  }
}

async function turn(sceneId: string, entry: Entry): Promise<Turn> {
  if (entry.turn && entry.turn.expiresAt - Date.now() > TURN_MARGIN_MS) return entry.turn;
  // No fallback when this fails: connecting without the relay would show partners this person's address.
  const answered = await transport!.request<ServerMessage & Turn>("media.turn", { scene: sceneId });
  entry.turn = { iceServers: answered.iceServers, expiresAt: answered.expiresAt, relay: answered.relay };
  entry.relay = answered.relay;
  publish();
  return entry.turn;
}

function publish(): void {
  const next = new Map<string, CallScreen>();
  for (const [sceneId, entry] of entries) {
    const call = entry.machine.view();
    const mesh = entry.mesh;
    const remote = new Map<number, { stream: MediaStream; quality: Quality }>();
    for (const leaf of call?.linked ?? []) {
      const stream = mesh?.remote(leaf);
      const quality = mesh?.quality(leaf);
      if (stream && quality) remote.set(leaf, { stream, quality });
    }
    next.set(sceneId, { call, relay: entry.relay, camera: mesh?.cameraOn() ?? false, microphone: mesh?.microphoneOn() ?? false,
      shown: new Set(entry.shown), local: mesh?.local ?? null, remote });
  }
  calls.value = next;
}
