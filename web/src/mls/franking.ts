/**
 * The sender's half of message franking, as the Java client does it: a fresh key `kf` per message
 * and the commitment HMAC-SHA256(kf, "tryst-frank-v1" ‖ group id ‖ epoch ‖ body) carried in the MLS
 * authenticated data, while `kf` travels encrypted beside the body. Recipients recompute it and
 * drop a message whose commitment does not match, so that every message shown can be reported.
 */
import { buffer, concat, equalBytes, utf8 } from "./bytes";

/** The version byte that starts the authenticated data. */
export const FRANKING_VERSION = 1;
/** The length of a franking key. */
export const FRANKING_KEY_BYTES = 32;
const LABEL = utf8("tryst-frank-v1");

/** The authenticated data for a body: the version byte and the 32-byte commitment. */
export async function authenticatedData(key: Uint8Array, groupId: Uint8Array, epoch: bigint, body: Uint8Array): Promise<Uint8Array> {
  return concat(Uint8Array.of(FRANKING_VERSION), await commitment(key, groupId, epoch, body));
}

/** True when the authenticated data commits to exactly this key and body in this group and epoch. */
export async function matches(data: Uint8Array, key: Uint8Array, groupId: Uint8Array, epoch: bigint, body: Uint8Array): Promise<boolean> {
  return equalBytes(data, await authenticatedData(key, groupId, epoch, body));
}

async function commitment(key: Uint8Array, groupId: Uint8Array, epoch: bigint, body: Uint8Array): Promise<Uint8Array> {
  const hmac = await crypto.subtle.importKey("raw", buffer(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const epochBytes = new Uint8Array(8);
  new DataView(epochBytes.buffer).setBigUint64(0, epoch);
  return new Uint8Array(await crypto.subtle.sign("HMAC", hmac, buffer(concat(LABEL, groupId, epochBytes, body))));
}
