import { renderToString } from "preact-render-to-string";
import { afterEach, describe, expect, it } from "vitest";
import type { Scene } from "../api/protocol";
import { calls, type CallScreen } from "../app/calls/calls";
import type { Participant } from "../app/calls/machine";
import { CallPanel } from "./CallPanel";

const ann = { id: "ann", name: "Ann" };
const ben = { id: "ben", name: "Ben" };
const scene = (members = [ann, ben]): Scene => ({ id: "s1", members, epoch: 1, timerSeconds: 0, timerChoices: [], externalSender: "", createdAt: 0 });
const person = (leaf: number, persona: string, answer: Participant["answer"], camera = false): Participant =>
  ({ leaf, persona, answer, media: true, camera, microphone: false });
const screen = (fields: Partial<CallScreen>): CallScreen =>
  ({ call: null, relay: null, camera: false, microphone: false, shown: new Set(), local: null, remote: new Map(), ...fields });
/** The panel as Ben (leaf 1) sees it, as text without markup. */
const seen = (fields: Partial<CallScreen>, members = [ann, ben]) => {
  calls.value = new Map([["s1", screen(fields)]]);
  return renderToString(<CallPanel scene={scene(members)} me={ben} />).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
};
const call = (...participants: Participant[]) => ({ id: "c1", proposer: 0, me: 1, participants, linked: [], full: false });

afterEach(() => { calls.value = new Map(); });

describe("the call panel", () => {
  it("offers to propose a call, and says when a scene holds more people than a call connects", () => {
    expect(seen({})).toContain("Propose a call");
    const many = [ann, ben, ...["c", "d", "e"].map((id) => ({ id, name: id }))];
    expect(seen({}, many)).toContain("Calls connect at most 4 people");
  });

  it("asks with both answers, says cameras stay off, and what the relay means for the person's address", () => {
    const asked = seen({ call: call(person(0, "ann", "yes"), person(1, "ben", "asked")), relay: true });
    expect(asked).toContain("Ann proposes a call. Your camera and microphone stay off until you turn them on.");
    expect(asked).toContain("Yes, join");
    expect(asked).toContain(" No ");
    expect(asked).toContain("partners never see your IP address; a direct connection shows it to them");
    expect(asked).toContain("In the call: Ann. Not answered yet: you.");
    const direct = seen({ call: call(person(0, "ann", "yes"), person(1, "ben", "asked")), relay: false });
    expect(direct).toContain("This server has no relay: calls connect directly, so each partner sees your IP address");
  });

  it("shows who is in the call to someone who said no", () => {
    const out = seen({ call: call(person(0, "ann", "yes"), person(1, "ben", "no")) });
    expect(out).toContain("A call is on. In the call: Ann. Not in it: you.");
    expect(out).toContain("Yes, join");
  });

  it("gives someone in the call the camera and microphone switches, off, and the way out", () => {
    const inCall = seen({ call: call(person(0, "ann", "yes", true), person(1, "ben", "yes")), relay: true });
    expect(inCall).toContain("Camera off");
    expect(inCall).toContain("Microphone off");
    expect(inCall).toContain("Leave the call");
    expect(inCall).toContain("Your camera is off");
    expect(inCall).toContain("Ann");
  });
});
