/**
 * Dice as roleplayers write them (`d20`, `2d6+1`, `3d8-1d4+2`), read by the grammar the server
 * reads them with (protocol/Dice.java), so that a roll the server would refuse is never sent. In a
 * channel the server rolls; in a private scene, which it cannot read, this device does.
 */

/** One part of an expression: `count` dice of `sides`, or (sides 0) the whole number `count`, added or taken away. */
export interface Term { minus: boolean; count: number; sides: number }
export type Dice = readonly Term[];

/** The faces each part came up with (a plain number as itself), and their sum. */
export interface Rolled { dice: Dice; faces: number[][]; total: number }

const MAX_TERMS = 10;
const MAX_DICE = 100;
const MAX_SIDES = 1_000;
const MAX_NUMBER = 1_000;

/** The rule, in the server's words. */
export const DICE_RULE = `dice are written like d20, 2d6+1 or 3d8-1d4: at most ${MAX_DICE} dice of 2 to ${MAX_SIDES} sides`
  + ` and numbers up to ${MAX_NUMBER}, in at most ${MAX_TERMS} parts`;

const TERM = /([+-]?)(?:(\d{0,3})d(\d{1,4})|(\d{1,4}))/y;
/** Java's \s, which the server strips around signs: ASCII whitespace only. */
const SPACED_SIGN = /[ \t\n\v\f\r]*([+-])[ \t\n\v\f\r]*/g;

/** Reads an expression as the server would; null when the server would refuse it. */
export function parseDice(typed: string): Dice | null {
  const compact = typed.trim().replace(SPACED_SIGN, "$1").toLowerCase();
  const terms: Term[] = [];
  let at = 0;
  let dice = 0;
  while (at < compact.length) {
    TERM.lastIndex = at;
    const found = TERM.exec(compact);
    if (!found || (terms.length === 0 ? found[1] === "+" : found[1] === "")) break;
    const minus = found[1] === "-";
    const term: Term = found[4] !== undefined
      ? { minus, count: Number(found[4]), sides: 0 }
      : { minus, count: found[2] === "" ? 1 : Number(found[2]), sides: Number(found[3]) };
    if (term.sides === 0 ? term.count > MAX_NUMBER : term.count < 1 || term.sides < 2 || term.sides > MAX_SIDES) break;
    if (term.sides !== 0) dice += term.count;
    terms.push(term);
    at = TERM.lastIndex;
  }
  if (compact === "" || at !== compact.length || terms.length > MAX_TERMS || dice === 0 || dice > MAX_DICE) return null;
  return terms;
}

/** The expression as the server writes it, without spaces: `2d6+1`. */
export function written(dice: Dice): string {
  return dice.map((term, index) => (term.minus ? "-" : index > 0 ? "+" : "")
    + (term.sides === 0 ? String(term.count) : `${term.count === 1 ? "" : term.count}d${term.sides}`)).join("");
}

/** Thirty-two random bits from the browser's cryptographic generator. */
const randomBits = () => crypto.getRandomValues(new Uint32Array(1))[0];

/** A fair die of `sides`: draws past the last whole multiple of `sides` are drawn again, so that no face is likelier. */
export function fairDie(sides: number, draw: () => number = randomBits): number {
  const limit = Math.floor(2 ** 32 / sides) * sides;
  let drawn = draw();
  while (drawn >= limit) drawn = draw();
  return 1 + (drawn % sides);
}

/** Rolls every die with `die`, which answers a face from 1 to its sides. */
export function roll(dice: Dice, die: (sides: number) => number = fairDie): Rolled {
  const faces = dice.map((term) => (term.sides === 0 ? [term.count] : Array.from({ length: term.count }, () => die(term.sides))));
  const total = faces.reduce((sum, each, index) => sum + (dice[index].minus ? -1 : 1) * each.reduce((a, b) => a + b, 0), 0);
  return { dice, faces, total };
}

/** How a roll reads, as the server's roll lines do: `2d6+1: (4+3) + 1 = 8`; one die alone, `d20: 17`. */
export function rolledText({ dice, faces, total }: Rolled): string {
  if (dice.length === 1 && dice[0].count === 1) return `${written(dice)}: ${total}`;
  const parts = faces.map((each, index) => {
    const sign = index > 0 ? (dice[index].minus ? " - " : " + ") : dice[index].minus ? "-" : "";
    return sign + (each.length === 1 ? String(each[0]) : `(${each.join("+")})`);
  });
  return `${written(dice)}: ${parts.join("")} = ${total}`;
}

/** The pose a roll in a private scene is sent as: the server cannot roll there, so the line says whose device did. */
export function rolledOnDevice(dice: Dice, die: (sides: number) => number = fairDie): string {
  return `rolls ${rolledText(roll(dice, die))} (on their own device)`;
}
