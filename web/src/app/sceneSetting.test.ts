import { describe, expect, test } from "vitest";
import { creating } from "./scenes";

describe("a private scene made from a room of the world", () => {
  test("names the room it is set in, and names none when made elsewhere, rather than a blank one the server refuses", () => {
    expect(creating("p1", "courtyard")).toEqual({ persona: "p1", room: "courtyard" });
    expect(creating("p1")).toEqual({ persona: "p1" });
    expect(creating("p1", "")).toEqual({ persona: "p1" });
    expect("room" in creating("p1", undefined)).toBe(false);
  });
});
