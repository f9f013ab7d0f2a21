import { describe, expect, test } from "vitest";
import { count, dropped, entered, mentions, newestFirst, read, readUpTo, shownCount, stands, type Activity } from "./activity";

const NONE: ReadonlyMap<string, Activity> = new Map();
const line = (id: string, at: number, more: { mine?: boolean; mentionsMe?: boolean } = {}) =>
  ({ id, at, mine: more.mine ?? false, mentionsMe: more.mentionsMe ?? false });

describe("what is new in a conversation", () => {
  test("lines of others count as unread, with the first of them marked, until the conversation is read", () => {
    let known = count(NONE, "#lobby", line("01", 10), false);
    known = count(known, "#lobby", line("02", 20, { mentionsMe: true }), false);
    expect(known.get("#lobby")).toEqual({ unread: 2, mentions: 1, last: 20, firstUnread: "01" });
    expect(read(known, "#lobby").get("#lobby")).toEqual({ unread: 0, mentions: 0, last: 20, firstUnread: null });
  });

  test("the person's own lines, and lines where they are looking, only move the conversation up", () => {
    const known = count(count(NONE, "#lobby", line("01", 10, { mine: true }), false), "#lobby", line("02", 30), true);
    expect(known.get("#lobby")).toEqual({ unread: 0, mentions: 0, last: 30, firstUnread: null });
  });

  test("entering a conversation starts it at its last line; a later entry never moves it back", () => {
    const known = entered(NONE, "scene:1", 50);
    expect(known.get("scene:1")?.last).toBe(50);
    expect(entered(known, "scene:1", 40)).toBe(known);
  });

  test("a conversation left is forgotten, and reading one with nothing new changes nothing", () => {
    const known = entered(NONE, "#lobby", 5);
    expect(read(known, "#lobby")).toBe(known);
    expect(dropped(known, "#lobby").has("#lobby")).toBe(false);
  });

  test("conversations are listed newest activity first", () => {
    const known = entered(entered(NONE, "#a", 10), "#b", 30);
    expect(newestFirst(["#a", "#b", "#c"], known)).toEqual(["#b", "#a", "#c"]);
  });
});

describe("what the server counts as unread", () => {
  const held = [line("01", 10), line("02", 20, { mine: true }), line("03", 30, { mentionsMe: true }), line("04", 40)];

  test("on connecting, the unread lines are the newest not the person's, marked at the first of them", () => {
    expect(stands(NONE, "#lobby", held, 2, 40).get("#lobby")).toEqual({ unread: 2, mentions: 1, last: 40, firstUnread: "03" });
    expect(stands(NONE, "#lobby", held, 0, 40).get("#lobby")).toEqual({ unread: 0, mentions: 0, last: 40, firstUnread: null });
  });

  test("more unread than the lines held puts the marker at the first line held not the person's, and keeps the count", () => {
    expect(stands(NONE, "#lobby", held, 300, 40).get("#lobby")).toEqual({ unread: 300, mentions: 1, last: 40, firstUnread: "01" });
  });

  test("another device's mark leaves unread only what came after it", () => {
    const known = stands(NONE, "#lobby", held, 3, 40);
    expect(readUpTo(known, "#lobby", held, "03").get("#lobby")).toEqual({ unread: 1, mentions: 0, last: 40, firstUnread: "04" });
    expect(readUpTo(known, "#lobby", held, "04").get("#lobby")).toEqual({ unread: 0, mentions: 0, last: 40, firstUnread: null });
    expect(readUpTo(known, "#lobby", held, "09").get("#lobby")?.unread).toBe(0);
  });

  test("a mark never makes more unread, and one older than every line held says nothing of them", () => {
    const known = stands(NONE, "#lobby", held, 1, 40);
    expect(readUpTo(known, "#lobby", held, "01")).toBe(known);
    const far = stands(NONE, "#lobby", held, 300, 40);
    expect(readUpTo(far, "#lobby", held, "00")).toBe(far);
  });

  test("a badge shows up to 99, and more as 99+", () => {
    expect(shownCount(99)).toBe("99");
    expect(shownCount(100)).toBe("99+");
  });
});

describe("whether a line names the person", () => {
  test("a persona name as a word of its own, in any case, with or without @", () => {
    expect(mentions("Juno, look at this", ["Juno"])).toBe(true);
    expect(mentions("hey @juno", ["Juno"])).toBe(true);
    expect(mentions("Sage Moon waves", ["Kit", "Sage Moon"])).toBe(true);
  });

  test("not a name inside a longer word, nor a name with letters that a pattern would read as operators", () => {
    expect(mentions("Junopolis is far", ["Juno"])).toBe(false);
    expect(mentions("a.b", ["a+b"])).toBe(false);
    expect(mentions("Zoë!", ["zoë"])).toBe(true);
  });
});
