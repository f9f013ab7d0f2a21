import { describe, expect, test } from "vitest";
import { doublePress } from "./panic";

describe("the panic key's double press", () => {
  test("a single press right after the page loaded is only the first of two", () => {
    const pressed = doublePress();
    expect(pressed(0)).toBe(false);
    expect(pressed(10)).toBe(true);
  });

  test("two presses close together hide the page, two far apart do not", () => {
    const pressed = doublePress();
    expect(pressed(5_000)).toBe(false);
    expect(pressed(5_799)).toBe(true);
    expect(pressed(7_000)).toBe(false);
    expect(pressed(7_800)).toBe(false);
  });
});
