/**
 * The call messages members of a scene send each other inside MLS application messages
 * (`scene.signal`): UTF-8 JSON with a `kind`, exactly as the terminal client writes them
 * (docs/protocol.md, Scenes, Calls). Anything else a member sends is refused here, not half read.
 */

/** An ICE candidate as RTCIceCandidateInit carries it. */
export interface Candidate { candidate: string; sdpMid: string | null; sdpMLineIndex: number | null }

/** One call message; `to` is the MLS leaf of the device an offer, answer or candidate is for. */
export type CallMessage =
  | { kind: "call.propose"; call: string }
  | { kind: "call.yes"; call: string; media: boolean }
  | { kind: "call.no"; call: string }
  | { kind: "call.leave"; call: string }
  | { kind: "call.offer"; call: string; to: number; sdp: string }
  | { kind: "call.answer"; call: string; to: number; sdp: string }
  | { kind: "call.ice"; call: string; to: number; candidate: Candidate }
  | { kind: "call.media"; call: string; camera: boolean; microphone: boolean }
  /** A device that came online asks whether a call is on; one device in it answers with `call.state`. */
  | { kind: "call.ask" }
  | { kind: "call.state"; call: string; proposer: number; answers: StateAnswer[] };

/** One device's place in a call, as `call.state` tells a device that came online later. */
export interface StateAnswer { leaf: number; persona: string; answer: "yes" | "no" | "left"; media: boolean }

/** More answers than any scene has devices is not a state but noise. */
const MAX_ANSWERS = 64;

/** A call id is what `crypto.randomUUID()` makes, or any short token of the same letters. */
const CALL_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Far above any real SDP, far below the 64 KiB a signal may hold. */
const MAX_SDP = 32_000;
const MAX_CANDIDATE = 2_000;

const text = (value: unknown, max: number): value is string => typeof value === "string" && value.length <= max;
const leaf = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const flag = (value: unknown): value is boolean => typeof value === "boolean";

/** A decrypted scene signal as the one JSON object it must be; undefined for anything else. */
export function signalObject(json: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}

/** Reads a decrypted signal; undefined for anything that is not exactly one call message. */
export function parseCallMessage(json: string): CallMessage | undefined {
  const m = signalObject(json);
  if (m === undefined) return undefined;
  if (m.kind === "call.ask") return { kind: "call.ask" };
  if (typeof m.call !== "string" || !CALL_ID.test(m.call)) return undefined;
  const call = m.call;
  switch (m.kind) {
    case "call.propose": case "call.no": case "call.leave":
      return { kind: m.kind, call };
    case "call.yes":
      return flag(m.media) ? { kind: m.kind, call, media: m.media } : undefined;
    case "call.offer": case "call.answer":
      return leaf(m.to) && text(m.sdp, MAX_SDP) ? { kind: m.kind, call, to: m.to, sdp: m.sdp } : undefined;
    case "call.ice": {
      const c = m.candidate as Record<string, unknown> | null;
      if (!leaf(m.to) || typeof c !== "object" || c === null || !text(c.candidate, MAX_CANDIDATE)) return undefined;
      const mid = c.sdpMid ?? null;
      const index = c.sdpMLineIndex ?? null;
      if ((mid !== null && !text(mid, 64)) || (index !== null && !leaf(index))) return undefined;
      return { kind: m.kind, call, to: m.to, candidate: { candidate: c.candidate, sdpMid: mid, sdpMLineIndex: index } };
    }
    case "call.media":
      return flag(m.camera) && flag(m.microphone) ? { kind: m.kind, call, camera: m.camera, microphone: m.microphone } : undefined;
    case "call.state": {
      if (!leaf(m.proposer) || !Array.isArray(m.answers) || m.answers.length > MAX_ANSWERS) return undefined;
      const answers = m.answers.map(stateAnswer);
      return answers.every((a) => a !== undefined) ? { kind: m.kind, call, proposer: m.proposer, answers: answers as StateAnswer[] } : undefined;
    }
    default:
      return undefined;
  }
}

function stateAnswer(value: unknown): StateAnswer | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const a = value as Record<string, unknown>;
  if (!leaf(a.leaf) || !text(a.persona, 64) || !flag(a.media)) return undefined;
  if (a.answer !== "yes" && a.answer !== "no" && a.answer !== "left") return undefined;
  return { leaf: a.leaf, persona: a.persona, answer: a.answer, media: a.media };
}
