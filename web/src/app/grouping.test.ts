import { describe, expect, it } from "vitest";
import { continues, GROUPED_MS } from "./grouping";

const said = (author: string | undefined, at: number, kind = "say") => ({ author, kind, at });

describe("consecutive lines of one author", () => {
  it("are grouped when said within a few minutes", () => {
    expect(continues(said("juno", 0), said("juno", 60_000))).toBe(true);
    expect(continues(said("juno", 0), said("juno", GROUPED_MS))).toBe(true);
  });

  it("are not grouped after a pause, across authors, around poses and rolls, or out of order", () => {
    expect(continues(said("juno", 0), said("juno", GROUPED_MS + 1))).toBe(false);
    expect(continues(said("juno", 0), said("kit", 1))).toBe(false);
    expect(continues(said("juno", 0), said("juno", 1, "pose"))).toBe(false);
    expect(continues(said("juno", 0, "pose"), said("juno", 1))).toBe(false);
    expect(continues(said("juno", 0, "roll"), said("juno", 1))).toBe(false);
    expect(continues(said("juno", 10), said("juno", 5))).toBe(false);
    expect(continues(undefined, said("juno", 1))).toBe(false);
    expect(continues(said(undefined, 0), said(undefined, 1))).toBe(false);
  });
});
