import { describe, expect, it } from "vitest";
import type { Scene, Topic } from "../api/protocol";
import { compare, flags, isSafeword } from "./consent";

const topics: Topic[] = ["romance", "praise", "pain", "restraint"].map((id) => ({ id, label: id, group: "g", description: "" }));

describe("boundaries side by side", () => {
  it("flags a no against a yes either way round, and proposed topics the invitee is against or unsure of", () => {
    expect(flags("no", "yes", false)).toEqual(["mismatch"]);
    expect(flags("yes", "no", true)).toEqual(["mismatch", "proposed_no"]);
    expect(flags(undefined, "maybe", true)).toEqual(["proposed_maybe"]);
    expect(flags("maybe", "no", false)).toEqual([]);
    expect(flags("yes", "yes", true)).toEqual([]);
  });

  it("keeps the catalogue's order and leaves out what neither answered nor is proposed", () => {
    const rows = compare(topics, { pain: "yes", gone: "yes" }, { pain: "no", romance: "maybe" }, ["restraint"]);
    expect(rows.map((row) => row.topic)).toEqual(["romance", "pain", "restraint"]);
    expect(rows[1]).toEqual({ topic: "pain", from: "yes", to: "no", proposed: false, flags: ["mismatch"] });
  });
});

describe("the safeword word", () => {
  const scene = { agreement: { topics: [], safeword: "Pineapple", agreedBy: [], at: 0 } } as unknown as Scene;

  it("is the whole line, trimmed, in any case", () => {
    expect(isSafeword(scene, "  pineapple ")).toBe(true);
    expect(isSafeword(scene, "PINEAPPLE")).toBe(true);
    expect(isSafeword(scene, "pineapple please")).toBe(false);
    expect(isSafeword({ ...scene, agreement: undefined } as Scene, "red")).toBe(false);
  });
});
