/**
 * One scene's call as one device sees it: who was asked, who said yes, and which partner devices
 * this one may exchange media with. Pure: every step returns what to do (send a message, offer to a
 * partner, close a connection), and the WebRTC glue does it, so that the consent rules are tested
 * without a browser. Devices are MLS leaves; a persona may have several.
 */
import type { CallMessage, Candidate } from "./messages";

/** A mesh of more than this many devices sends each camera too many times: the UI says so. */
export const MAX_IN_CALL = 4;

/** A device in the scene: its MLS leaf and the persona its credential names. */
export interface Device { leaf: number; persona: string }

/** Where a device stands in the call. */
export type Answer = "asked" | "yes" | "no" | "left";

/** A device of the scene in the call, as every member sees it. */
export interface Participant extends Device {
  answer: Answer;
  /** False for a device that consents but sends and receives no media (a terminal). */
  media: boolean;
  camera: boolean;
  microphone: boolean;
}

/** Why a call ended on this device. */
export type Ending = "over" | "members" | "scene";

/** What the glue does after a step. */
export type Effect =
  | { kind: "send"; message: CallMessage }
  /** Open a connection to this partner and send it an offer (this device has the lower leaf). */
  | { kind: "offer"; leaf: number }
  /** Open a connection to this partner from its offer and send the answer. */
  | { kind: "accept"; leaf: number; sdp: string }
  | { kind: "answered"; leaf: number; sdp: string }
  | { kind: "candidate"; leaf: number; candidate: Candidate }
  /** Close the connection to this partner: nothing more goes to it. */
  | { kind: "disconnect"; leaf: number }
  /** This device is out of the call: its camera and microphone stop. */
  | { kind: "stop" }
  /** The call is over here: every connection closes and the camera and microphone stop. */
  | { kind: "ended"; why: Ending };

/** A call as the UI shows it. */
export interface CallView {
  id: string;
  proposer: number;
  me: number;
  participants: Participant[];
  /** The partners this device exchanges media with now. */
  linked: number[];
  /** MAX_IN_CALL devices with media are in: nobody else can join with media. */
  full: boolean;
}

type Link = "offered" | "awaiting" | "accepted" | "answered";

interface Call { id: string; proposer: number; participants: Map<number, Participant>; links: Map<number, Link> }

const fingerprint = (devices: Device[]) => devices.map((d) => `${d.leaf}:${d.persona}`).sort().join(",");

/** One scene's call state on one device; `own` is this device's leaf. */
export class CallMachine {
  private call: Call | null = null;
  private members: Device[];

  constructor(private readonly own: number, members: Device[]) {
    this.members = [...members];
  }

  /** The call, or null when none is on. */
  view(): CallView | null {
    const call = this.call;
    if (!call) return null;
    const participants = [...call.participants.values()].map((p) => ({ ...p }));
    return { id: call.id, proposer: call.proposer, me: this.own, participants, linked: [...call.links.keys()], full: this.inWithMedia(call).length >= MAX_IN_CALL };
  }

  /** Proposes a call; the proposer is in it, with its camera and microphone off. Refused while a call is on. */
  propose(id: string): Effect[] {
    if (this.call) return [];
    this.call = this.fresh(id, this.own);
    return [{ kind: "send", message: { kind: "call.propose", call: id } }];
  }

  /** Says yes (with media, or as a device that sends none) or no to the call that is on. */
  answer(yes: boolean, media = true): Effect[] {
    const call = this.call;
    const me = call?.participants.get(this.own);
    if (!call || !me) return [];
    if (yes) {
      if (me.answer === "yes") return [];
      if (media && this.inWithMedia(call).length >= MAX_IN_CALL) return [];
      Object.assign(me, { answer: "yes", media, camera: false, microphone: false });
      return [{ kind: "send", message: { kind: "call.yes", call: call.id, media } }, ...this.reconcile()];
    }
    if (me.answer === "no") return [];
    const wasIn = me.answer === "yes";
    Object.assign(me, { answer: "no", camera: false, microphone: false });
    return [{ kind: "send", message: { kind: "call.no", call: call.id } }, ...(wasIn ? [{ kind: "stop" } as Effect] : []), ...this.reconcile()];
  }

  /** Leaves the call at once: every connection of this device closes; the others go on without it. */
  leave(): Effect[] {
    const call = this.call;
    const me = call?.participants.get(this.own);
    if (!call || !me || me.answer !== "yes") return [];
    Object.assign(me, { answer: "left", camera: false, microphone: false });
    return [{ kind: "send", message: { kind: "call.leave", call: call.id } }, { kind: "stop" }, ...this.reconcile()];
  }

  /** Tells the others that this device's camera or microphone turned on or off. */
  media(camera: boolean, microphone: boolean): Effect[] {
    const me = this.call?.participants.get(this.own);
    if (!this.call || !me || me.answer !== "yes" || !me.media) return [];
    if (me.camera === camera && me.microphone === microphone) return [];
    Object.assign(me, { camera, microphone });
    return [{ kind: "send", message: { kind: "call.media", call: this.call.id, camera, microphone } }];
  }

  /** A device that came online asks whether a call is on, unless it knows of one. */
  ask(): Effect[] {
    return this.call ? [] : [{ kind: "send", message: { kind: "call.ask" } }];
  }

  /** Whether this device may send media to a partner now: both said yes with media and they are linked. */
  mayReach(leaf: number): boolean {
    return this.call?.links.has(leaf) ?? false;
  }

  /** A call message from another device of the scene (the MLS sender, already checked against the relay's `from`). */
  received(from: number, message: CallMessage): Effect[] {
    if (from === this.own) return [];
    const call = this.call;
    if (message.kind === "call.propose") return this.proposed(from, message.call);
    if (message.kind === "call.ask") return this.tellState();
    if (message.kind === "call.state") return call ? [] : this.adopt(from, message);
    const sender = call?.participants.get(from);
    if (!call || message.call !== call.id || !sender) return [];
    switch (message.kind) {
      case "call.yes":
        if (sender.answer === "yes") return [];
        Object.assign(sender, { answer: "yes", media: message.media, camera: false, microphone: false });
        return this.reconcile();
      case "call.no":
      case "call.leave":
        Object.assign(sender, { answer: message.kind === "call.no" ? "no" : "left", camera: false, microphone: false });
        return this.reconcile();
      case "call.media":
        if (sender.answer !== "yes" || !sender.media) return [];
        Object.assign(sender, { camera: message.camera, microphone: message.microphone });
        return [];
      case "call.offer":
        // Only the lower leaf offers, and only to a device that said yes from one that said yes.
        if (message.to !== this.own || from > this.own) return [];
        if (call.links.get(from) !== "awaiting" && call.links.get(from) !== "accepted") return [];
        call.links.set(from, "accepted");
        return [{ kind: "accept", leaf: from, sdp: message.sdp }];
      case "call.answer":
        if (message.to !== this.own || call.links.get(from) !== "offered") return [];
        call.links.set(from, "answered");
        return [{ kind: "answered", leaf: from, sdp: message.sdp }];
      case "call.ice": {
        const link = call.links.get(from);
        if (message.to !== this.own || link === undefined || link === "awaiting") return [];
        return [{ kind: "candidate", leaf: from, candidate: message.candidate }];
      }
    }
  }

  /**
   * The scene's devices now. Any change of who is in the scene ends the call: the people who said yes
   * said it to the scene as it was, and a new call asks everyone again.
   */
  membership(members: Device[]): Effect[] {
    const changed = fingerprint(members) !== fingerprint(this.members);
    this.members = [...members];
    return changed ? this.end("members") : [];
  }

  /** Ends the call here at once (the scene ended, or its members changed). */
  end(why: Ending): Effect[] {
    if (!this.call) return [];
    this.call = null;
    return [{ kind: "ended", why }];
  }

  private proposed(from: number, id: string): Effect[] {
    const current = this.call;
    if (current && current.id === id) return [];
    // Two proposals crossed: while nobody but its proposer answered either, the lower id wins on every device.
    if (current && !(this.untouched(current) && id < current.id)) return [];
    const ended = current ? this.endQuietly() : [];
    this.call = this.fresh(id, from);
    return ended;
  }

  /** Only the lowest device in the call answers an ask, so that one state comes back, not one per device. */
  private tellState(): Effect[] {
    const call = this.call;
    if (!call) return [];
    const inCall = [...call.participants.values()].filter((p) => p.answer === "yes").map((p) => p.leaf);
    if (Math.min(...inCall) !== this.own) return [];
    const answers = [...call.participants.values()].filter((p) => p.answer !== "asked")
      .map((p) => ({ leaf: p.leaf, persona: p.persona, answer: p.answer as "yes" | "no" | "left", media: p.media }));
    return [{ kind: "send", message: { kind: "call.state", call: call.id, proposer: call.proposer, answers } }];
  }

  /**
   * Takes a call's state from a device that says it is in the call. Only answers about this scene's
   * devices as they are count, and none about this one: a state can show a call, never consent for it.
   */
  private adopt(from: number, state: Extract<CallMessage, { kind: "call.state" }>): Effect[] {
    const sender = state.answers.find((a) => a.leaf === from);
    if (!sender || sender.answer !== "yes" || !this.members.some((d) => d.leaf === state.proposer)) return [];
    const call = this.fresh(state.call, state.proposer);
    for (const answer of state.answers) {
      const known = call.participants.get(answer.leaf);
      if (!known || known.persona !== answer.persona || answer.leaf === this.own) continue;
      Object.assign(known, { answer: answer.answer, media: answer.media });
    }
    this.call = call;
    return this.reconcile();
  }

  private untouched(call: Call): boolean {
    return [...call.participants.values()].every((p) => p.leaf === call.proposer ? p.answer === "yes" : p.answer === "asked");
  }

  private endQuietly(): Effect[] {
    const links = [...(this.call?.links.keys() ?? [])];
    this.call = null;
    return [...links.map((leaf): Effect => ({ kind: "disconnect", leaf })), { kind: "stop" }];
  }

  private fresh(id: string, proposer: number): Call {
    const participants = new Map<number, Participant>();
    for (const device of this.members) {
      participants.set(device.leaf, { ...device, answer: device.leaf === proposer ? "yes" : "asked", media: true, camera: false, microphone: false });
    }
    return { id, proposer, participants, links: new Map() };
  }

  /** The devices in the call with media, at most MAX_IN_CALL: the lowest leaves, so that every device picks the same ones. */
  private inWithMedia(call: Call): number[] {
    return [...call.participants.values()].filter((p) => p.answer === "yes" && p.media).map((p) => p.leaf)
      .sort((a, b) => a - b).slice(0, MAX_IN_CALL);
  }

  /** Opens and closes links to match who said yes; ends the call once nobody is in it. */
  private reconcile(): Effect[] {
    const call = this.call!;
    const effects: Effect[] = [];
    const inCall = this.inWithMedia(call);
    const wanted = new Set(inCall.includes(this.own) ? inCall.filter((leaf) => leaf !== this.own) : []);
    for (const leaf of [...call.links.keys()]) {
      if (!wanted.has(leaf)) {
        call.links.delete(leaf);
        effects.push({ kind: "disconnect", leaf });
      }
    }
    for (const leaf of wanted) {
      if (call.links.has(leaf)) continue;
      if (this.own < leaf) {
        call.links.set(leaf, "offered");
        effects.push({ kind: "offer", leaf });
      } else {
        call.links.set(leaf, "awaiting");
      }
    }
    if (![...call.participants.values()].some((p) => p.answer === "yes")) {
      this.call = null;
      effects.push({ kind: "ended", why: "over" });
    }
    return effects;
  }
}
