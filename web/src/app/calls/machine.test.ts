import { describe, expect, it } from "vitest";
import { CallMachine, MAX_IN_CALL, type Device, type Effect } from "./machine";
import { qualityOf } from "./mesh";
import { parseCallMessage, type CallMessage } from "./messages";

const devices = (n: number): Device[] => Array.from({ length: n }, (_, leaf) => ({ leaf, persona: `p${leaf}` }));

/** A scene of devices whose sent messages reach every other device, as the relay does; records what each was told to do. */
function scene(n: number) {
  const members = devices(n);
  const machines = members.map((d) => new CallMachine(d.leaf, members));
  const done: Effect[][] = members.map(() => []);
  const deliver = (from: number, effects: Effect[]) => {
    done[from].push(...effects);
    for (const effect of effects) {
      if (effect.kind !== "send") continue;
      // Through JSON, as on the wire.
      const message = parseCallMessage(JSON.stringify(effect.message))!;
      machines.forEach((m, leaf) => leaf !== from && deliver(leaf, m.received(from, message)));
    }
  };
  const act = (leaf: number, step: (m: CallMachine) => Effect[]) => deliver(leaf, step(machines[leaf]));
  const kinds = (leaf: number, kind: Effect["kind"]) => done[leaf].filter((e) => e.kind === kind);
  return { machines, done, act, deliver, kinds };
}

const offer = (call: string, to: number): CallMessage => ({ kind: "call.offer", call, to, sdp: "v=0" });

describe("a call", () => {
  it("connects nobody until both said yes, and the lower leaf offers", () => {
    const s = scene(2);
    s.act(1, (m) => m.propose("c1"));
    expect(s.machines[0].view()?.participants.map((p) => p.answer)).toEqual(["asked", "yes"]);
    expect(s.kinds(0, "offer")).toEqual([]);
    expect(s.kinds(1, "offer")).toEqual([]);
    expect(s.machines[1].mayReach(0)).toBe(false);
    s.act(0, (m) => m.answer(true));
    expect(s.kinds(0, "offer")).toEqual([{ kind: "offer", leaf: 1 }]);
    expect(s.kinds(1, "offer")).toEqual([]);
    expect(s.machines[0].mayReach(1)).toBe(true);
  });

  it("starts with every camera and microphone off, and tells the others when one turns on", () => {
    const s = scene(2);
    s.act(0, (m) => m.propose("c1"));
    s.act(1, (m) => m.answer(true));
    expect(s.machines[1].view()?.participants.every((p) => !p.camera && !p.microphone)).toBe(true);
    s.act(0, (m) => m.media(true, false));
    expect(s.machines[1].view()?.participants[0]).toMatchObject({ camera: true, microphone: false });
  });

  it("answers an offer only when it said yes itself and the sender said yes", () => {
    const members = devices(3);
    const me = new CallMachine(2, members);
    expect(me.received(0, offer("c1", 2))).toEqual([]);
    me.received(1, { kind: "call.propose", call: "c1" });
    // The proposer (leaf 1) is in, this device was only asked: the offer goes unanswered.
    expect(me.received(1, offer("c1", 2))).toEqual([]);
    // Leaf 0 offers without having said yes.
    me.answer(true);
    expect(me.received(0, offer("c1", 2))).toEqual([]);
    expect(me.received(1, offer("c1", 2))).toEqual([{ kind: "accept", leaf: 1, sdp: "v=0" }]);
    // Another call's offer, or one for another device, is ignored.
    me.received(0, { kind: "call.yes", call: "c1", media: true });
    expect(me.received(0, offer("other", 2))).toEqual([]);
    expect(me.received(0, offer("c1", 1))).toEqual([]);
    expect(me.received(0, offer("c1", 2))).toEqual([{ kind: "accept", leaf: 0, sdp: "v=0" }]);
  });

  it("ignores an offer from the higher leaf (the glare rule) and a yes without media connects nothing", () => {
    const members = devices(2);
    const low = new CallMachine(0, members);
    low.propose("c1");
    expect(low.received(1, { kind: "call.yes", call: "c1", media: true })).toEqual([{ kind: "offer", leaf: 1 }]);
    expect(low.received(1, offer("c1", 0))).toEqual([]);
    expect(low.received(1, { kind: "call.answer", call: "c1", to: 0, sdp: "v=0 a" })).toEqual([{ kind: "answered", leaf: 1, sdp: "v=0 a" }]);
    // A second answer to the same offer is not taken.
    expect(low.received(1, { kind: "call.answer", call: "c1", to: 0, sdp: "v=0 b" })).toEqual([]);

    const terminal = new CallMachine(0, members);
    terminal.propose("c2");
    expect(terminal.received(1, { kind: "call.yes", call: "c2", media: false })).toEqual([]);
    expect(terminal.view()?.participants[1]).toMatchObject({ answer: "yes", media: false });
  });

  it("passes candidates only from a linked partner to this device", () => {
    const members = devices(3);
    const me = new CallMachine(0, members);
    me.propose("c1");
    const candidate = { candidate: "candidate:1 1 udp 1 127.0.0.1 5000 typ relay", sdpMid: "0", sdpMLineIndex: 0 };
    expect(me.received(1, { kind: "call.ice", call: "c1", to: 0, candidate })).toEqual([]);
    me.received(1, { kind: "call.yes", call: "c1", media: true });
    expect(me.received(1, { kind: "call.ice", call: "c1", to: 0, candidate })).toEqual([{ kind: "candidate", leaf: 1, candidate }]);
    expect(me.received(1, { kind: "call.ice", call: "c1", to: 2, candidate })).toEqual([]);
    expect(me.received(2, { kind: "call.ice", call: "c1", to: 0, candidate })).toEqual([]);
  });

  it("closes every connection of a device that leaves, at once, and the others go on", () => {
    const s = scene(3);
    s.act(0, (m) => m.propose("c1"));
    s.act(1, (m) => m.answer(true));
    s.act(2, (m) => m.answer(true));
    s.act(1, (m) => m.leave());
    expect(s.kinds(1, "stop")).toHaveLength(1);
    expect(s.kinds(1, "disconnect").map((e) => (e as { leaf: number }).leaf).sort()).toEqual([0, 2]);
    expect(s.kinds(0, "disconnect")).toEqual([{ kind: "disconnect", leaf: 1 }]);
    expect(s.kinds(2, "disconnect")).toEqual([{ kind: "disconnect", leaf: 1 }]);
    expect(s.machines[0].mayReach(2)).toBe(true);
    expect(s.machines[2].view()?.participants[1].answer).toBe("left");
    // The last ones out end it for everyone.
    s.act(0, (m) => m.leave());
    s.act(2, (m) => m.leave());
    expect(s.machines.map((m) => m.view())).toEqual([null, null, null]);
    expect(s.kinds(1, "ended")).toEqual([{ kind: "ended", why: "over" }]);
  });

  it("a no after a yes closes the connections too", () => {
    const s = scene(2);
    s.act(0, (m) => m.propose("c1"));
    s.act(1, (m) => m.answer(true));
    s.act(1, (m) => m.answer(false));
    expect(s.machines[0].mayReach(1)).toBe(false);
    expect(s.kinds(0, "disconnect")).toEqual([{ kind: "disconnect", leaf: 1 }]);
    expect(s.machines[0].view()?.participants[1].answer).toBe("no");
  });

  it("ends when the scene's members change, and a new proposal asks everyone again", () => {
    const s = scene(2);
    s.act(0, (m) => m.propose("c1"));
    s.act(1, (m) => m.answer(true));
    expect(s.machines[0].membership(devices(2))).toEqual([]);
    expect(s.machines[0].membership(devices(3))).toEqual([{ kind: "ended", why: "members" }]);
    expect(s.machines[0].view()).toBeNull();
    expect(s.machines[0].received(1, { kind: "call.yes", call: "c1", media: true })).toEqual([]);
    s.machines[0].propose("c2");
    expect(s.machines[0].view()?.participants.map((p) => p.answer)).toEqual(["yes", "asked", "asked"]);
    expect(s.machines[0].end("scene")).toEqual([{ kind: "ended", why: "scene" }]);
  });

  it(`holds at most ${MAX_IN_CALL} devices with media`, () => {
    const s = scene(MAX_IN_CALL + 1);
    s.act(0, (m) => m.propose("c1"));
    for (let leaf = 1; leaf < MAX_IN_CALL; leaf++) s.act(leaf, (m) => m.answer(true));
    expect(s.machines[MAX_IN_CALL].view()?.full).toBe(true);
    expect(s.machines[MAX_IN_CALL].answer(true)).toEqual([]);
    // A terminal may still consent without media.
    expect(s.machines[MAX_IN_CALL].answer(true, false)[0]).toMatchObject({ kind: "send", message: { kind: "call.yes", media: false } });
    // A fifth yes with media that crossed the others is linked by nobody.
    expect(s.machines[0].received(MAX_IN_CALL, { kind: "call.yes", call: "c1", media: true })).toEqual([]);
    expect(s.machines[0].view()?.linked.sort()).toEqual([1, 2, 3]);
  });

  it("settles two crossed proposals on the lower id everywhere", () => {
    const members = devices(2);
    const a = new CallMachine(0, members);
    const b = new CallMachine(1, members);
    a.propose("b-call");
    b.propose("a-call");
    expect(a.received(1, { kind: "call.propose", call: "a-call" })).toEqual([{ kind: "stop" }]);
    expect(b.received(0, { kind: "call.propose", call: "b-call" })).toEqual([]);
    expect([a.view()?.id, b.view()?.id]).toEqual(["a-call", "a-call"]);
    expect(a.view()?.participants[0].answer).toBe("asked");
    // Once someone answered, a later proposal does not replace the call.
    a.answer(true);
    expect(a.received(1, { kind: "call.propose", call: "0-call" })).toEqual([]);
    expect(a.view()?.id).toBe("a-call");
  });

  it("ignores its own messages and those of devices not in the scene", () => {
    const me = new CallMachine(0, devices(2));
    expect(me.received(0, { kind: "call.propose", call: "c1" })).toEqual([]);
    expect(me.view()).toBeNull();
    me.propose("c1");
    expect(me.received(7, { kind: "call.yes", call: "c1", media: true })).toEqual([]);
    expect(me.view()?.participants).toHaveLength(2);
  });
});

describe("call messages", () => {
  it("read exactly the documented shapes", () => {
    expect(parseCallMessage('{"kind":"call.yes","call":"c1","media":true}')).toEqual({ kind: "call.yes", call: "c1", media: true });
    expect(parseCallMessage('{"kind":"call.ice","call":"c1","to":1,"candidate":{"candidate":"x","sdpMid":"0","sdpMLineIndex":0}}'))
      .toEqual({ kind: "call.ice", call: "c1", to: 1, candidate: { candidate: "x", sdpMid: "0", sdpMLineIndex: 0 } });
    expect(parseCallMessage('{"kind":"call.media","call":"c1","camera":false,"microphone":true}')).toMatchObject({ microphone: true });
  });

  it.each([
    "", "null", "[]", "{}", '{"kind":"call.yes","call":"c1"}', '{"kind":"call.yes","call":"c1","media":"yes"}',
    '{"kind":"call.propose","call":""}', '{"kind":"call.propose","call":"a b"}', '{"kind":"call.propose","call":1}',
    '{"kind":"call.offer","call":"c1","to":-1,"sdp":"v=0"}', '{"kind":"call.offer","call":"c1","to":1.5,"sdp":"v=0"}',
    '{"kind":"call.answer","call":"c1","to":1}', `{"kind":"call.offer","call":"c1","to":1,"sdp":"${"x".repeat(40_000)}"}`,
    '{"kind":"call.ice","call":"c1","to":1,"candidate":null}', '{"kind":"call.ice","call":"c1","to":1,"candidate":{"candidate":3}}',
    '{"kind":"call.media","call":"c1","camera":true}', '{"kind":"say","text":"hi"}', '{"kind":"call.ring","call":"c1"}',
  ])("refuse %s", (json) => {
    expect(parseCallMessage(json)).toBeUndefined();
  });
});

describe("a connection's quality", () => {
  const report = (entries: Record<string, unknown>[]) => new Map(entries.map((e) => [String(e.id), e])) as unknown as RTCStatsReport;
  const pair = (local: string, rtt: number) => [
    { id: "t", type: "transport", selectedCandidatePairId: "p" },
    { id: "p", type: "candidate-pair", localCandidateId: "l", remoteCandidateId: "r", currentRoundTripTime: rtt },
    { id: "l", type: "local-candidate", candidateType: local },
    { id: "r", type: "remote-candidate", candidateType: "relay" },
  ];

  it("reads frames, round trip, loss and whether this side goes through the relay", () => {
    const quality = qualityOf(report([...pair("relay", 0.04),
      { id: "v", type: "inbound-rtp", kind: "video", framesDecoded: 120, packetsReceived: 990, packetsLost: 10 },
      { id: "a", type: "inbound-rtp", kind: "audio", packetsReceived: 1000, packetsLost: 0 }]), false);
    expect(quality).toEqual({ level: "good", route: "relay", framesDecoded: 120, rttMs: 40, loss: 10 / 2000 });
  });

  it("calls a slow or lossy connection fair or poor, and one without a chosen pair connecting", () => {
    expect(qualityOf(report(pair("host", 0.5)), false)).toMatchObject({ level: "fair", route: "direct" });
    expect(qualityOf(report([...pair("srflx", 0.1), { id: "v", type: "inbound-rtp", kind: "video", packetsReceived: 80, packetsLost: 20 }]), false).level).toBe("poor");
    expect(qualityOf(report([]), false)).toMatchObject({ level: "connecting", route: null });
    expect(qualityOf(report(pair("relay", 0.01)), true).level).toBe("failed");
  });
});

describe("a device that comes online during a call", () => {
  it("asks, hears the call's state from the lowest device in it, and is asked like everyone", () => {
    const s = scene(3);
    s.act(1, (m) => m.propose("c1"));
    s.act(2, (m) => m.answer(true));
    // Leaf 0 was offline: it knows nothing of the call, then comes back with a fresh machine.
    const members = devices(3);
    s.machines[0] = new CallMachine(0, members);
    s.done[0].length = 0;
    s.act(0, (m) => m.ask());
    const seen = s.machines[0].view();
    expect(seen?.id).toBe("c1");
    expect(seen?.participants.map((p) => p.answer)).toEqual(["asked", "yes", "yes"]);
    expect(s.kinds(0, "offer")).toEqual([]);
    expect(s.kinds(1, "send").concat(s.kinds(2, "send")).filter((e) => e.kind === "send" && e.message.kind === "call.state")).toHaveLength(1);
    s.act(0, (m) => m.answer(true));
    expect(s.kinds(0, "offer").map((e) => e.kind === "offer" && e.leaf).sort()).toEqual([1, 2]);
  });

  it("asks nothing when it knows of a call, and nobody answers when no call is on", () => {
    const s = scene(2);
    expect(s.machines[0].ask()).toEqual([{ kind: "send", message: { kind: "call.ask" } }]);
    expect(s.machines[1].received(0, { kind: "call.ask" })).toEqual([]);
    s.act(1, (m) => m.propose("c1"));
    expect(s.machines[0].ask()).toEqual([]);
  });

  it("takes no state from a device that is not in the call, and no consent for itself from anyone", () => {
    const members = devices(3);
    const late = new CallMachine(0, members);
    const state = (from: number, answers: { leaf: number; persona: string; answer: "yes" | "no" | "left"; media: boolean }[]) =>
      late.received(from, { kind: "call.state", call: "c1", proposer: 1, answers });
    expect(state(2, [{ leaf: 1, persona: "p1", answer: "yes", media: true }])).toEqual([]);
    expect(late.view()).toBeNull();
    expect(state(2, [{ leaf: 2, persona: "p2", answer: "no", media: true }])).toEqual([]);
    expect(late.view()).toBeNull();
    state(1, [{ leaf: 1, persona: "p1", answer: "yes", media: true }, { leaf: 0, persona: "p0", answer: "yes", media: true },
      { leaf: 2, persona: "someone else", answer: "yes", media: true }]);
    expect(late.view()?.participants.map((p) => p.answer)).toEqual(["asked", "yes", "asked"]);
    expect(late.mayReach(1)).toBe(false);
  });

  it("reads only well-formed states", () => {
    expect(parseCallMessage('{"kind":"call.ask"}')).toEqual({ kind: "call.ask" });
    expect(parseCallMessage('{"kind":"call.state","call":"c1","proposer":0,"answers":[{"leaf":0,"persona":"p0","answer":"yes","media":true}]}'))
      .toEqual({ kind: "call.state", call: "c1", proposer: 0, answers: [{ leaf: 0, persona: "p0", answer: "yes", media: true }] });
    expect(parseCallMessage('{"kind":"call.state","call":"c1","proposer":0,"answers":[{"leaf":0,"persona":"p0","answer":"maybe","media":true}]}')).toBeUndefined();
    expect(parseCallMessage('{"kind":"call.state","call":"c1","proposer":-1,"answers":[]}')).toBeUndefined();
    expect(parseCallMessage(JSON.stringify({ kind: "call.state", call: "c1", proposer: 0,
      answers: Array.from({ length: 65 }, (_, leaf) => ({ leaf, persona: "p", answer: "yes", media: true })) }))).toBeUndefined();
  });
});
