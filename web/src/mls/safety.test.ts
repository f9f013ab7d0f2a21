import { describe, expect, test } from "vitest";
import { groupsOf, half, rowsOf, safetyNumber } from "./safety";

const aliceKey = Uint8Array.from({ length: 32 }, (_, i) => i);
const bobKeys = [Uint8Array.from({ length: 32 }, (_, i) => 255 - i), Uint8Array.from({ length: 32 }, (_, i) => (i * 7) % 256)];

describe("safety numbers", () => {
  test("one persona's half is the Java client's", async () => {
    expect(await half("alice-id", [aliceKey])).toBe("222130673216969213014341156738");
  });

  test("the number is the Java client's, the same from either side, whatever the order of keys", async () => {
    const expected = "17722 06735 52097 83943 56628 45202 22213 06732 16969 21301 43411 56738";
    expect(await safetyNumber("alice-id", [aliceKey], "bob-id", bobKeys)).toBe(expected);
    expect(await safetyNumber("bob-id", [...bobKeys].reverse(), "alice-id", [aliceKey])).toBe(expected);
  });

  test("another device changes the number", async () => {
    const expected = "17722 06735 52097 83943 56628 45202 22213 06732 16969 21301 43411 56738";
    expect(await safetyNumber("alice-id", [aliceKey, new Uint8Array(32)], "bob-id", bobKeys)).not.toBe(expected);
  });

  test("a number is twelve groups of five digits, however it was written", async () => {
    const shown = await safetyNumber("alice-id", [aliceKey], "bob-id", bobKeys);
    expect(shown).toMatch(/^(\d{5} ){11}\d{5}$/);
    const groups = groupsOf(shown)!;
    expect(groups).toHaveLength(12);
    expect(groups.join(" ")).toBe(shown);
    expect(groupsOf(shown.replaceAll(" ", ""))).toEqual(groups);
    expect(groupsOf(groups.slice(0, 4).join(" ") + "\n" + groups.slice(4).join("  "))).toEqual(groups);
  });

  test("on screen it is three rows of four groups, as the terminal client prints it", () => {
    const number = "12345 23456 34567 45678 56789 67890 78901 89012 90123 01234 11111 22222";
    expect(rowsOf(number)).toEqual(["12345 23456 34567 45678", "56789 67890 78901 89012", "90123 01234 11111 22222"]);
    expect(rowsOf("not a number")).toEqual([]);
  });

  test("anything but sixty digits is no number", () => {
    expect(groupsOf("")).toBeNull();
    expect(groupsOf("12345 67890")).toBeNull();
    expect(groupsOf("1".repeat(61))).toBeNull();
    expect(groupsOf("1".repeat(59) + "x")).toBeNull();
  });
});
