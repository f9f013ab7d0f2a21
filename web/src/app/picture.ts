/**
 * How a chosen picture becomes a persona's avatar before it is sent: its middle square (the part
 * the server keeps), at most 512 pixels a side, encoded smaller and smaller until it fits the
 * server's limit. The drawing itself is the browser's (ui/encodePicture.ts).
 */

/** The most bytes the server takes for a picture (docs/protocol.md, `persona.avatar`). */
export const MAX_PICTURE_BYTES = 45_000;
/** The sides, in pixels, the server accepts. */
export const MIN_PICTURE_SIDE = 32;
/** The largest side sent: twice what the server keeps, so that its own scaling has detail to work from. */
export const LARGEST_PICTURE_SIDE = 512;
/** Smaller sides tried when the largest does not fit; the server shows 256 pixels, so below that detail goes first. */
const SMALLER_SIDES = [384, 256, 192, 128, 96, 64, 32];
const JPEG_QUALITIES = [0.86, 0.72, 0.58];

/** The middle square of a picture, where the server would cut it. */
export function middleSquare(width: number, height: number): { x: number; y: number; side: number } {
  const side = Math.min(width, height);
  return { x: Math.floor((width - side) / 2), y: Math.floor((height - side) / 2), side };
}

/** One way to encode: a side in pixels, and a JPEG quality (none for PNG). */
export interface Attempt { side: number; quality?: number }

/**
 * The encodings to try, best first: JPEG at falling qualities and sides for a photograph, PNG at
 * falling sides for a picture with transparency, which JPEG would lose.
 */
export function attempts(side: number, transparent: boolean): Attempt[] {
  const first = Math.min(side, LARGEST_PICTURE_SIDE);
  const sides = [first, ...SMALLER_SIDES.filter((smaller) => smaller < first)];
  return sides.flatMap((each) => (transparent ? [{ side: each }] : JPEG_QUALITIES.map((quality) => ({ side: each, quality }))));
}

/** The first encoding that fits the server's limit, or null when even the smallest does not. */
export async function firstThatFits(tries: readonly Attempt[], encode: (attempt: Attempt) => Promise<Uint8Array>): Promise<Uint8Array | null> {
  for (const attempt of tries) {
    const bytes = await encode(attempt);
    if (bytes.length <= MAX_PICTURE_BYTES) return bytes;
  }
  return null;
}

/** Base64, as `persona.avatar` carries the picture; in slices, since a picture is too many bytes for one call's arguments. */
export function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x2000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x2000));
  return btoa(binary);
}
