/**
 * The external_senders group context extension as RFC 9420 (section 12.1.8.1) defines it: a
 * vector of ExternalSender. ts-mls 1.6.4 reads and writes it as one bare ExternalSender without the
 * vector's length, and refuses the RFC form when it creates a group or checks an external proposal.
 * Bouncy Castle, and so the Java client, writes and expects the RFC form; the server signs its
 * removal proposals as sender index 0 of that vector. So this module makes and reads the extension
 * itself, and the group code uses it wherever ts-mls would.
 */
import { decodeExternalSender, encodeExternalSender, type Extension } from "ts-mls";
import { concat, utf8 } from "./bytes";

/** The credential the Java client gives the server as external sender. */
export const SERVER_IDENTITY = "tryst-server";

/** The extension listing the server's Ed25519 key (raw 32 bytes) as external sender 0. */
export function externalSendersExtension(serverKey: Uint8Array): Extension {
  const sender = encodeExternalSender({ signaturePublicKey: serverKey, credential: { credentialType: "basic", identity: utf8(SERVER_IDENTITY) } });
  return { extensionType: "external_senders", extensionData: concat(varint(sender.length), sender) };
}

/** The signature key of external sender `index` in a group context's extensions, if there is one. */
export function externalSenderKey(extensions: Extension[], index: number): Uint8Array | undefined {
  const extension = extensions.find((candidate) => candidate.extensionType === "external_senders");
  if (extension === undefined) return undefined;
  const data = extension.extensionData;
  const [length, start] = readVarint(data, 0);
  if (start + length !== data.length) return undefined;
  let offset = start;
  for (let i = 0; offset < data.length; i++) {
    const decoded = decodeExternalSender(data, offset);
    if (decoded === undefined) return undefined;
    if (i === index) return decoded[0].signaturePublicKey;
    offset += decoded[1];
  }
  return undefined;
}

/** RFC 9420's variable-length integer (section 2.1.2): one, two or four bytes, the top two bits giving the size. */
function varint(value: number): Uint8Array {
  if (value < 0x40) return Uint8Array.of(value);
  if (value < 0x4000) return Uint8Array.of(0x40 | (value >> 8), value & 0xff);
  return Uint8Array.of(0x80 | (value >>> 24), (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
}

function readVarint(data: Uint8Array, offset: number): [number, number] {
  const size = data.length > offset ? 1 << (data[offset] >> 6) : 0;
  if (size === 0 || size === 8 || offset + size > data.length) return [-1, data.length];
  let value = data[offset] & 0x3f;
  for (let i = 1; i < size; i++) value = value * 256 + data[offset + i];
  return [value, offset + size];
}
