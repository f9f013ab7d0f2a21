import { describe, expect, test } from "vitest";
import { seen, standingOf, Verifications, type Shelf, type Verification } from "./verification";

const BEFORE = "11111 22222 33333 44444 55555 66666 77777 88888 99999 00000 12345 67890";
const AFTER = "11111 22222 33333 44444 55555 66666 77777 88888 99999 00000 12345 67891";

/** A shelf in memory, standing in for IndexedDB, that tells what was written. */
function memory(initial: Verification[] = []): Shelf & { kept: Map<string, Verification> } {
  const kept = new Map(initial.map((record) => [`${record.mine} ${record.partner}`, record]));
  return {
    kept,
    all: async () => [...kept.values()],
    put: async (record) => { kept.set(`${record.mine} ${record.partner}`, record); },
    remove: async (mine, partner) => { kept.delete(`${mine} ${partner}`); },
  };
}

/** Numbers as the scene would compute them, counting how often it was asked. */
function numbers(current: Record<string, string>) {
  const asked: string[] = [];
  const numberOf = async (partner: string) => {
    asked.push(partner);
    const number = current[partner];
    if (!number) throw new Error("not in the group");
    return number;
  };
  return { asked, numberOf, current };
}

describe("a verification seen again", () => {
  const verified: Verification = { mine: "me", partner: "sage", number: BEFORE, changed: false };

  test("the same number keeps the record as it is", () => {
    expect(seen(verified, BEFORE)).toBe(verified);
    expect(standingOf(seen(verified, BEFORE))).toBe("verified");
  });

  test("another number takes the mark away, keeping what was verified", () => {
    expect(seen(verified, AFTER)).toEqual({ ...verified, changed: true });
    expect(standingOf(seen(verified, AFTER))).toBe("changed");
  });

  test("once changed it stays changed, whatever is seen, until verified again or dismissed", () => {
    const changed = seen(verified, AFTER)!;
    expect(seen(changed, BEFORE)).toBe(changed);
    expect(seen(changed, AFTER)).toBe(changed);
  });

  test("nothing verified, nothing to see", () => {
    expect(seen(undefined, BEFORE)).toBeUndefined();
    expect(standingOf(undefined)).toBe("unverified");
  });
});

describe("this device's verifications", () => {
  test("a verified number stands while the scene's number stays the same, and is kept on the shelf", async () => {
    const shelf = memory();
    const marks = new Verifications(shelf);
    await marks.verify("me", "sage", BEFORE);
    expect(marks.standing("me", "sage")).toBe("verified");
    expect(shelf.kept.get("me sage")).toEqual({ mine: "me", partner: "sage", number: BEFORE, changed: false });
    const scene = numbers({ sage: BEFORE });
    expect(await marks.check("s1", "4", "me", ["sage"], scene.numberOf)).toEqual([]);
    expect(marks.standing("me", "sage")).toBe("verified");
  });

  test("a changed number clears the mark and raises the notice once, however often the scene is compared again", async () => {
    const shelf = memory();
    const marks = new Verifications(shelf);
    await marks.verify("me", "sage", BEFORE);
    const scene = numbers({ sage: AFTER });
    expect(await marks.check("s1", "5", "me", ["sage"], scene.numberOf)).toEqual(["sage"]);
    expect(marks.standing("me", "sage")).toBe("changed");
    expect(shelf.kept.get("me sage")?.changed).toBe(true);
    expect(await marks.check("s1", "5", "me", ["sage"], scene.numberOf)).toEqual([]);
    expect(await marks.check("s1", "6", "me", ["sage"], scene.numberOf)).toEqual([]);
    expect(await marks.check("s2", "1", "me", ["sage"], scene.numberOf)).toEqual([]);
    expect(marks.standing("me", "sage")).toBe("changed");
  });

  test("verifying again brings the mark back; dismissing forgets it, notice and all", async () => {
    const shelf = memory();
    const marks = new Verifications(shelf);
    await marks.verify("me", "sage", BEFORE);
    await marks.check("s1", "5", "me", ["sage"], numbers({ sage: AFTER }).numberOf);
    await marks.verify("me", "sage", AFTER);
    expect(marks.standing("me", "sage")).toBe("verified");
    expect(await marks.check("s1", "5", "me", ["sage"], numbers({ sage: AFTER }).numberOf)).toEqual([]);
    await marks.check("s1", "6", "me", ["sage"], numbers({ sage: BEFORE }).numberOf);
    expect(marks.standing("me", "sage")).toBe("changed");
    await marks.dismiss("me", "sage");
    expect(marks.standing("me", "sage")).toBe("unverified");
    expect(shelf.kept.size).toBe(0);
  });

  test("a pair is compared once per epoch of a scene, and only pairs that were verified", async () => {
    const marks = new Verifications(memory());
    await marks.verify("me", "sage", BEFORE);
    const scene = numbers({ sage: BEFORE, rowan: AFTER });
    await marks.check("s1", "4", "me", ["sage", "rowan"], scene.numberOf);
    await marks.check("s1", "4", "me", ["sage", "rowan"], scene.numberOf);
    expect(scene.asked).toEqual(["sage"]);
    await marks.check("s1", "5", "me", ["sage"], scene.numberOf);
    expect(scene.asked).toEqual(["sage", "sage"]);
    expect(marks.standing("me", "rowan")).toBe("unverified");
  });

  test("a partner without a device in the group is compared again later, not taken as changed", async () => {
    const marks = new Verifications(memory());
    await marks.verify("me", "sage", BEFORE);
    const scene = numbers({});
    expect(await marks.check("s1", "4", "me", ["sage"], scene.numberOf)).toEqual([]);
    expect(marks.standing("me", "sage")).toBe("verified");
    scene.current.sage = AFTER;
    expect(await marks.check("s1", "4", "me", ["sage"], scene.numberOf)).toEqual(["sage"]);
  });

  test("a mark is per own persona and partner: another persona of mine has verified nothing", async () => {
    const marks = new Verifications(memory());
    await marks.verify("me", "sage", BEFORE);
    expect(marks.standing("other-me", "sage")).toBe("unverified");
    expect(marks.standing("sage", "me")).toBe("unverified");
  });

  test("what was kept comes back on the next load; forgetting empties memory, not the shelf", async () => {
    const shelf = memory([{ mine: "me", partner: "sage", number: BEFORE, changed: true }]);
    const marks = new Verifications(shelf);
    await marks.load();
    expect(marks.standing("me", "sage")).toBe("changed");
    marks.forget();
    expect(marks.standing("me", "sage")).toBe("unverified");
    expect(shelf.kept.size).toBe(1);
  });

  test("a shelf that cannot be written leaves the standing as it was", async () => {
    const shelf = memory();
    const marks = new Verifications(shelf);
    await marks.verify("me", "sage", BEFORE);
    shelf.put = async () => { throw new Error("quota"); };
    await expect(marks.check("s1", "5", "me", ["sage"], numbers({ sage: AFTER }).numberOf)).rejects.toThrow("quota");
    expect(marks.standing("me", "sage")).toBe("verified");
    await expect(marks.verify("me", "rowan", BEFORE)).rejects.toThrow("quota");
    expect(marks.standing("me", "rowan")).toBe("unverified");
  });
});
