import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { panic } from "../../ui/panic";
import { scenes, toasts, view } from "../state";
import * as calls from "./calls";
import type { Turn } from "./mesh";

/** Just enough of RTCPeerConnection to see what the client does with one: its configuration, and whether it was closed. */
class FakePeerConnection {
  static made: FakePeerConnection[] = [];
  closed = false;
  iceGatheringState = "complete";
  connectionState = "new";
  signalingState = "stable";
  localDescription: { type: string; sdp: string } | null = null;
  private readonly transceivers: { sender: { replaceTrack: () => Promise<void> }; receiver: { track: { kind: string } }; direction: string }[] = [];
  ontrack: unknown = null;
  onconnectionstatechange: unknown = null;
  onicecandidate: unknown = null;
  constructor(readonly configuration: RTCConfiguration) {
    FakePeerConnection.made.push(this);
  }
  addTransceiver(kind: string) {
    this.transceivers.push({ sender: { replaceTrack: async () => undefined }, receiver: { track: { kind } }, direction: "sendrecv" });
  }
  getTransceivers() { return this.transceivers; }
  getSenders() { return this.transceivers.map((t) => t.sender); }
  async createOffer() { return { type: "offer", sdp: "v=0 offer" }; }
  async createAnswer() { return { type: "answer", sdp: "v=0 answer" }; }
  async setLocalDescription(description: { type: string; sdp: string }) { this.localDescription = description; }
  async setRemoteDescription() { if (this.transceivers.length === 0) { this.addTransceiver("audio"); this.addTransceiver("video"); } }
  async getStats() { return new Map(); }
  addEventListener() {}
  close() { this.closed = true; }
}

class FakeMediaStream {
  getTracks() { return []; }
  addTrack() {}
  removeTrack() {}
}

const SCENE = "scene-1";
const devices = [{ leaf: 0, persona: "ann" }, { leaf: 1, persona: "ben" }];
let sent: Record<string, unknown>[];
let turn: Turn;

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const kinds = () => sent.map((m) => m.kind);

beforeEach(async () => {
  FakePeerConnection.made = [];
  sent = [];
  turn = { iceServers: [{ urls: ["turn:127.0.0.1:3478?transport=udp"], username: "u", credential: "c" }], expiresAt: Date.now() + 600_000, relay: true };
  vi.stubGlobal("RTCPeerConnection", FakePeerConnection);
  vi.stubGlobal("MediaStream", FakeMediaStream);
  calls.useTransport({
    signal: async (_scene, json) => { sent.push(JSON.parse(json)); },
    request: async <T,>() => turn as unknown as T,
  });
  calls.membership(SCENE, 0, devices);
  await settle();
  // Coming online in the scene, this page asked whether a call is on.
  expect(kinds()).toEqual(["call.ask"]);
  sent = [];
});

afterEach(() => {
  calls.hangUpEverything();
  calls.directAllowed.value = false;
  vi.unstubAllGlobals();
});

describe("calls on this page", () => {
  it("connect to a partner only after both said yes, through the relay alone", async () => {
    calls.propose(SCENE);
    await settle();
    const id = String(sent[0].call);
    calls.received(SCENE, 1, { kind: "call.offer", call: id, to: 0, sdp: "v=0" });
    await settle();
    expect(FakePeerConnection.made).toHaveLength(0);
    calls.received(SCENE, 1, { kind: "call.yes", call: id, media: true });
    await vi.waitFor(() => expect(kinds()).toContain("call.offer"));
    expect(FakePeerConnection.made).toHaveLength(1);
    expect(FakePeerConnection.made[0].configuration).toEqual({ iceServers: turn.iceServers, iceTransportPolicy: "relay" });
    expect(sent.at(-1)).toEqual({ kind: "call.offer", call: id, to: 1, sdp: "v=0 offer" });
    expect(calls.calls.value.get(SCENE)?.relay).toBe(true);
  });

  it("connect directly when the person allows it, or when the server has no relay", async () => {
    calls.directAllowed.value = true;
    calls.propose(SCENE);
    await settle();
    calls.received(SCENE, 1, { kind: "call.yes", call: String(sent[0].call), media: true });
    await vi.waitFor(() => expect(FakePeerConnection.made).toHaveLength(1));
    expect(FakePeerConnection.made[0].configuration.iceTransportPolicy).toBe("all");

    calls.hangUpEverything();
    calls.directAllowed.value = false;
    turn = { iceServers: [], expiresAt: Date.now() + 600_000, relay: false };
    calls.membership(SCENE, 0, devices);
    calls.propose(SCENE);
    await settle();
    calls.received(SCENE, 1, { kind: "call.yes", call: String(sent.at(-1)!.call), media: true });
    await vi.waitFor(() => expect(FakePeerConnection.made).toHaveLength(2));
    expect(FakePeerConnection.made[1].configuration).toEqual({ iceServers: [], iceTransportPolicy: "all" });
    expect(calls.calls.value.get(SCENE)?.relay).toBe(false);
  });

  it("close every connection at once, synchronously, when everything hangs up (the panic key)", async () => {
    calls.propose(SCENE);
    await settle();
    calls.received(SCENE, 1, { kind: "call.yes", call: String(sent[0].call), media: true });
    await vi.waitFor(() => expect(kinds()).toContain("call.offer"));
    calls.hangUpEverything();
    expect(FakePeerConnection.made[0].closed).toBe(true);
    expect(calls.calls.value.size).toBe(0);
  });

  it("are over, camera and connections, by the time the panic key clears the page", async () => {
    calls.propose(SCENE);
    await settle();
    calls.received(SCENE, 1, { kind: "call.yes", call: String(sent[0].call), media: true });
    await vi.waitFor(() => expect(kinds()).toContain("call.offer"));
    const closedWhenCleared: boolean[] = [];
    vi.stubGlobal("fetch", () => Promise.resolve());
    vi.stubGlobal("document", { title: "", body: { replaceChildren: () => closedWhenCleared.push(FakePeerConnection.made[0].closed) } });
    vi.stubGlobal("location", { replace: () => undefined });
    panic();
    expect(closedWhenCleared).toEqual([true]);
  });

  it("tell the person of a proposal wherever they are, and lead to the scene", () => {
    scenes.value = new Map([[SCENE, { id: SCENE, members: [{ id: "ann", name: "Ann" }, { id: "ben", name: "Ben" }], epoch: 1, timerSeconds: 0,
      timerChoices: [], externalSender: "", createdAt: 0 }]]);
    calls.received(SCENE, 1, { kind: "call.propose", call: "c9" });
    calls.received(SCENE, 1, { kind: "call.yes", call: "c9", media: true });
    expect(toasts.value).toEqual([{ id: "call-c9", text: "Ben proposes a call in your private scene.",
      action: { label: "Open the scene to answer", view: { kind: "scene", id: SCENE } } }]);
    toasts.value = [];
    // Looking at the scene, the panel itself asks.
    calls.hangUpEverything();
    calls.membership(SCENE, 0, devices);
    view.value = { kind: "scene", id: SCENE };
    calls.received(SCENE, 1, { kind: "call.propose", call: "c10" });
    expect(toasts.value).toEqual([]);
    view.value = { kind: "home" };
    scenes.value = new Map();
  });

  it("close the connection to a partner who leaves before anything else happens", async () => {
    calls.propose(SCENE);
    await settle();
    const id = String(sent[0].call);
    calls.received(SCENE, 1, { kind: "call.yes", call: id, media: true });
    await vi.waitFor(() => expect(kinds()).toContain("call.offer"));
    calls.received(SCENE, 1, { kind: "call.leave", call: id });
    expect(FakePeerConnection.made[0].closed).toBe(true);
    expect(calls.calls.value.get(SCENE)?.call?.participants[1].answer).toBe("left");
  });

  it("end when the scene goes, and when its members change", async () => {
    calls.propose(SCENE);
    await settle();
    calls.membership(SCENE, 0, [...devices, { leaf: 2, persona: "cy" }]);
    expect(calls.calls.value.get(SCENE)?.call).toBeNull();
    calls.propose(SCENE);
    calls.sceneGone(SCENE);
    expect(calls.calls.value.has(SCENE)).toBe(false);
  });
});
