/**
 * The invisible mark of an exported transcript, exactly as docs/protocol.md specifies it (and as
 * the Java client writes it): the server's 96-bit mark and its CRC-32, as 64 zero-width characters,
 * two bits each, in every line of the text.
 */
const DIGITS = "\u200B\u200C\u200D\u2060";
const MARK_BYTES = 12;
/** Zero-width characters in one encoded mark. */
export const MARK_LENGTH = (MARK_BYTES + 4) * 4;
const RUNS = /[\u200B\u200C\u200D\u2060]{2,}/g;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 with the IEEE polynomial, as zlib and java.util.zip.CRC32 compute it. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Whether a string is a mark as the server issues it: 24 lowercase hex digits. */
export function isMark(mark: string): boolean {
  return /^[0-9a-f]{24}$/.test(mark);
}

/** The 64 invisible characters that carry a mark. */
export function encodeMark(mark: string): string {
  if (!isMark(mark)) throw new Error("a mark is 24 lowercase hex digits");
  const bytes = Uint8Array.from(mark.match(/../g)!, (pair) => parseInt(pair, 16));
  const crc = crc32(bytes);
  const payload = [...bytes, crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff];
  return payload.map((b) => [6, 4, 2, 0].map((shift) => DIGITS[(b >> shift) & 3]).join("")).join("");
}

/**
 * The text with the mark in every line that is not empty: right after the line's first space, if
 * it has one, and at its end. Runs of the mark's characters already in the text go first.
 */
export function applyMark(text: string, mark: string): string {
  const encoded = encodeMark(mark);
  return text.replace(RUNS, "").split("\n").map((line) => {
    if (line === "") return line;
    const space = line.indexOf(" ");
    const start = space < 0 ? line : line.slice(0, space + 1) + encoded + line.slice(space + 1);
    return start + encoded;
  }).join("\n");
}

/** Every mark found in a text, once per place it occurs, in order. */
export function findMarks(text: string): string[] {
  const found: string[] = [];
  for (const run of text.match(/[\u200B\u200C\u200D\u2060]+/g) ?? []) {
    let start = 0;
    while (start + MARK_LENGTH <= run.length) {
      const mark = decode(run.slice(start, start + MARK_LENGTH));
      if (mark === null) start++;
      else { found.push(mark); start += MARK_LENGTH; }
    }
  }
  return found;
}

function decode(digits: string): string | null {
  const payload = new Uint8Array(MARK_BYTES + 4);
  for (let i = 0; i < MARK_LENGTH; i++) payload[i >> 2] = (payload[i >> 2] << 2) | DIGITS.indexOf(digits[i]);
  const mark = payload.slice(0, MARK_BYTES);
  const checksum = ((payload[12] << 24) | (payload[13] << 16) | (payload[14] << 8) | payload[15]) >>> 0;
  return checksum === crc32(mark) ? Array.from(mark, (b) => b.toString(16).padStart(2, "0")).join("") : null;
}
