/**
 * What a scene message holds inside its encryption, as the Java client builds and reads it: 32
 * fresh random bytes `kf` followed by the UTF-8 JSON body `{"kind": "say" | "pose", "text": …}`,
 * with the franking commitment to both in the MLS authenticated data (docs/protocol.md, scenes,
 * step 6).
 */
import { concat, fromUtf8, utf8 } from "./bytes";
import { authenticatedData, FRANKING_KEY_BYTES, matches } from "./franking";
import type { Member } from "./mls";

/** A line in a scene: something said, or an action posed (shown after the persona's name). */
export interface Body {
  kind: "say" | "pose";
  text: string;
}

/** What to hand to Group.protect for a body. */
export interface Sealed {
  authenticatedData: Uint8Array;
  plaintext: Uint8Array;
}

/** A received message: the body, or why it was dropped and is shown as unverifiable. */
export type Opened = { kind: "said"; body: Body; key: Uint8Array; json: Uint8Array } | { kind: "dropped"; reason: string };

/** Builds the plaintext and franking commitment of a body for the group (the scene id) at this epoch. */
export async function seal(body: Body, sceneId: string, epoch: bigint): Promise<Sealed> {
  const key = crypto.getRandomValues(new Uint8Array(FRANKING_KEY_BYTES));
  const json = utf8(JSON.stringify({ kind: body.kind, text: body.text }));
  return { authenticatedData: await authenticatedData(key, utf8(sceneId), epoch, json), plaintext: concat(key, json) };
}

/**
 * Reads a decrypted application message. `from` is the persona the server's event names as sender
 * (null when it names none) and `epoch` the event's epoch: the server computes its franking tag
 * over the same epoch, so a report of the message checks out only if the recipient used it too.
 */
export async function open(
  received: { sender: Member; authenticatedData: Uint8Array; plaintext: Uint8Array },
  from: string | null,
  sceneId: string,
  epoch: bigint,
): Promise<Opened> {
  if (from === null || received.sender.personaId !== from) return dropped("the MLS sender is not the persona the server names");
  if (received.plaintext.length < FRANKING_KEY_BYTES) return dropped("the message has no franking key");
  const key = received.plaintext.subarray(0, FRANKING_KEY_BYTES);
  const json = received.plaintext.subarray(FRANKING_KEY_BYTES);
  if (!(await matches(received.authenticatedData, key, utf8(sceneId), epoch, json))) {
    return dropped("the franking commitment does not match the message");
  }
  const body = parse(json);
  return body === undefined ? dropped("the message body is not readable") : { kind: "said", body, key, json };
}

function parse(json: Uint8Array): Body | undefined {
  try {
    const value: unknown = JSON.parse(fromUtf8(json));
    if (typeof value !== "object" || value === null) return undefined;
    const { kind, text } = value as Record<string, unknown>;
    if ((kind !== "say" && kind !== "pose") || typeof text !== "string") return undefined;
    return { kind, text };
  } catch {
    return undefined;
  }
}

function dropped(reason: string): Opened {
  return { kind: "dropped", reason };
}
