/**
 * The number two partners compare, by voice or in person, to know that nobody sits between them:
 * sixty digits from both personas' device signature keys as they appear in the scene's MLS group,
 * computed exactly as docs/protocol.md and the Java client's SafetyNumber define it, so that a
 * browser and a Java client show the same digits. The 5,200 rounds of SHA-512 make a forged key
 * that matches a half costly to search for.
 */
import { buffer, compareBytes, concat, utf8 } from "./bytes";

const VERSION = utf8("tryst-safety-v1");
const ROUNDS = 5_200;

/** The safety number of two personas, each with the signature keys of its devices, in twelve groups of five digits. */
export async function safetyNumber(personaA: string, keysA: Uint8Array[], personaB: string, keysB: Uint8Array[]): Promise<string> {
  const [first, second] = [await half(personaA, keysA), await half(personaB, keysB)].sort();
  return (first + second).match(/.{5}/g)!.join(" ");
}

/**
 * A safety number's twelve groups of five digits, however it was written (spaced as shown, run
 * together, or broken over lines), or null when it is not sixty digits.
 */
export function groupsOf(number: string): string[] | null {
  const digits = number.replace(/\s+/g, "");
  return /^\d{60}$/.test(digits) ? digits.match(/.{5}/g)! : null;
}

/** Groups on one row of a safety number on screen: three rows of four, as the terminal client shows it too. */
export const GROUPS_PER_ROW = 4;

/** A safety number's rows of four groups each, to print it as the terminal client does. */
export function rowsOf(number: string): string[] {
  const groups = groupsOf(number) ?? [];
  return Array.from({ length: Math.ceil(groups.length / GROUPS_PER_ROW) },
    (_, row) => groups.slice(row * GROUPS_PER_ROW, (row + 1) * GROUPS_PER_ROW).join(" "));
}

/** One persona's thirty digits. */
export async function half(personaId: string, keys: Uint8Array[]): Promise<string> {
  const input = material(personaId, keys);
  let hash = new Uint8Array(await crypto.subtle.digest("SHA-512", buffer(input)));
  for (let round = 1; round < ROUNDS; round++) {
    hash = new Uint8Array(await crypto.subtle.digest("SHA-512", buffer(concat(hash, input))));
  }
  let digits = "";
  for (let chunk = 0; chunk < 6; chunk++) {
    let value = 0n;
    for (let i = 0; i < 5; i++) value = (value << 8n) | BigInt(hash[chunk * 5 + i]);
    digits += (value % 100_000n).toString().padStart(5, "0");
  }
  return digits;
}

function material(personaId: string, keys: Uint8Array[]): Uint8Array {
  const id = utf8(personaId);
  const sorted = [...keys].sort(compareBytes);
  return concat(VERSION, u16(id.length), id, ...sorted.flatMap((key) => [u16(key.length), key]));
}

function u16(value: number): Uint8Array {
  return Uint8Array.of((value >> 8) & 0xff, value & 0xff);
}
