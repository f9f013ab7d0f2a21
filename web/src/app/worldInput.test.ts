import { describe, expect, test } from "vitest";
import { complete, completed, cycle, newer, NO_HISTORY, older, remember } from "./worldInput";

describe("the command line's history", () => {
  test("up goes back through the lines sent, down comes forward to what was being typed", () => {
    let history = ["look", "north", "say hi"].reduce(remember, NO_HISTORY);
    let shown = "po";
    for (const expected of ["say hi", "north", "look", "look"]) {
      ({ history, text: shown } = older(history, shown));
      expect(shown).toBe(expected);
    }
    for (const expected of ["north", "say hi", "po", "po"]) {
      ({ history, text: shown } = newer(history, shown));
      expect(shown).toBe(expected);
    }
  });

  test("a line repeating the newest, or blank, is not remembered twice; sending starts afresh", () => {
    const history = remember(remember(remember(NO_HISTORY, "look"), "look"), "  ");
    expect(history.lines).toEqual(["look"]);
    expect(history.at).toBe(1);
    expect(newer(history, "x").text).toBe("x");
  });
});

describe("Tab completion", () => {
  const names = ["Ann", "Anselm", "Kit", "a stone fountain", "north", "n", "library"];

  test("completes a name, then the next that fits at each Tab, round again after the last", () => {
    let completion = complete("look An", names)!;
    expect(completed(completion)).toBe("look Ann");
    completion = cycle(completion);
    expect(completed(completion)).toBe("look Anselm");
    expect(completed(cycle(completion))).toBe("look Ann");
  });

  test("completes names of several words from their start or from one of their words", () => {
    expect(completed(complete("get a st", names)!)).toBe("get a stone fountain");
    expect(completed(complete("look foun", names)!)).toBe("look a stone fountain");
  });

  test("completes an exit at the start of the line, and a name after = in whisper and give", () => {
    expect(complete("no", names)!.options).toEqual(["north"]);
    expect(completed(complete("whisper Ki", names)!)).toBe("whisper Kit");
    expect(completed(complete("give lamp=Ki", names)!)).toBe("give lamp=Kit");
  });

  test("after a space, every name; where nothing fits, nothing", () => {
    expect(complete("look ", names)!.options).toHaveLength(names.length);
    expect(complete("look zz", names)).toBeNull();
    expect(complete("look", names)).toBeNull();
  });
});
