import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Persona } from "../api/protocol";
import { highlightWords, MAX_WORDS, namesMe, setHighlightWords, words } from "./highlights";
import { personas, username } from "./state";

/** This browser's storage, as a page has it. */
function storage(): Storage {
  const kept = new Map<string, string>();
  return {
    get length() { return kept.size; },
    key: (index) => [...kept.keys()][index] ?? null,
    getItem: (key) => kept.get(key) ?? null,
    setItem: (key, value) => void kept.set(key, String(value)),
    removeItem: (key) => void kept.delete(key),
    clear: () => kept.clear(),
  };
}

const persona: Persona = { id: "p1", name: "Juno" };

describe("highlight words", () => {
  beforeEach(() => {
    vi.stubGlobal("localStorage", storage());
    personas.value = [persona];
    username.value = "ann";
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    personas.value = [];
    username.value = "";
  });

  it("are the words typed, each once, trimmed, of two characters or more", () => {
    expect(words(" red  door, Lantern,,lantern\nx, tea ")).toEqual(["red door", "Lantern", "tea"]);
    expect(words("a".repeat(41) + ", fine")).toEqual(["fine"]);
    expect(words(Array.from({ length: 50 }, (_, n) => `word${n}`).join(","))).toHaveLength(MAX_WORDS);
  });

  it("name the person as their persona names do, in the text as it reads once formatted", () => {
    expect(namesMe("the red door")).toBe(false);
    expect(namesMe("_Juno_, look")).toBe(true);
    setHighlightWords("red door, lantern");
    expect(namesMe("past the **RED door**")).toBe(true);
    expect(namesMe("a [i]lantern[/i] glows")).toBe(true);
    expect(namesMe("lanterns glow")).toBe(false);
  });

  it("do not light a line for a name hidden in a spoiler, which would tell what it hides", () => {
    setHighlightWords("lantern");
    expect(namesMe("it was the [spoiler]lantern[/spoiler] all along")).toBe(false);
    expect(namesMe("||Juno|| did it")).toBe(false);
    expect(namesMe("the lantern, and ||more||")).toBe(true);
  });

  it("are kept in this browser for this account only, under a key that does not name it", () => {
    setHighlightWords("lantern");
    expect(highlightWords.value).toEqual(["lantern"]);
    const keys = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index)!);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^notes\.highlights\.[0-9a-f]{24}$/);
    expect(localStorage.getItem(keys[0])).toBe('["lantern"]');
    username.value = "ben";
    expect(highlightWords.value).toEqual([]);
    username.value = "ann";
    setHighlightWords("");
    expect(localStorage.length).toBe(0);
  });

  it("survive a damaged store as none", () => {
    setHighlightWords("lantern");
    localStorage.setItem(localStorage.key(0)!, "{not json");
    username.value = "ben";
    username.value = "ann";
    expect(highlightWords.value).toEqual([]);
    localStorage.setItem(localStorage.key(0)!, '["lantern", 7, {"a": 1}]');
    username.value = "ben";
    username.value = "ann";
    expect(highlightWords.value).toEqual(["lantern"]);
  });
});
