import { describe, expect, it } from "vitest";
import { applyMark, crc32, encodeMark, findMarks } from "./mark";

// The test vector of docs/protocol.md ("Invisible marks"), which the Java client's test uses too.
const MARK = "000102030405060708090a0b";
const DIGITS = "0000000100020003001000110012001300200021002200232102130030211211";
const ENCODED = [...DIGITS].map((digit) => "\u200B\u200C\u200D\u2060"[Number(digit)]).join("");

describe("invisible marks", () => {
  it("encodes the test vector", () => {
    expect(crc32(Uint8Array.from({ length: 12 }, (_, i) => i)).toString(16)).toBe("9270c965");
    expect(encodeMark(MARK)).toBe(ENCODED);
  });

  it("marks every line after its first space and at its end", () => {
    expect(applyMark("Rowan: hello there\n\nok", MARK)).toBe(`Rowan: ${ENCODED}hello there${ENCODED}\n\nok${ENCODED}`);
  });

  it("finds the mark in every line and in an excerpt, and no mark in an altered copy", () => {
    const marked = applyMark("[18:01] Rowan: hello there\n[18:02] Sage: hi", MARK);
    expect(findMarks(marked)).toEqual([MARK, MARK, MARK, MARK]);
    expect(findMarks(marked.slice(marked.indexOf("Sage")))).toEqual([MARK]);
    const altered = ENCODED.slice(0, 10) + (ENCODED[10] === "\u200B" ? "\u200C" : "\u200B") + ENCODED.slice(11);
    expect(findMarks(`a ${altered}b`)).toEqual([]);
    expect(findMarks(`a \u200D${ENCODED}b`)).toEqual([MARK]);
  });

  it("removes a mark planted in the text before marking, and keeps an emoji's joiner", () => {
    const planted = `look ${encodeMark("ffeeddccbbaa998877665544")}here`;
    expect(findMarks(applyMark(planted, MARK))).toEqual([MARK, MARK]);
    expect(applyMark("a family 👩\u200D👩\u200D👧", MARK)).toContain("👩\u200D👩\u200D👧");
  });
});
