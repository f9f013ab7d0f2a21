import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  expire, IDLE_MS, nextExpiry, parseTypingSignal, RENEW_MS, SHOWN_MS, SOONEST_MS, speaksInConversation, speaksInWorld, spokeIn, Typist, typingHeard,
  typingIn, typingText, type Places,
} from "./typing";

describe("a message box saying that the person types", () => {
  let sent: boolean[];
  let typist: Typist;
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    typist = new Typist((typing) => sent.push(typing));
  });
  afterEach(() => vi.useRealTimers());

  test("says so on the first keystroke, and not again on each one after", () => {
    typist.input("h");
    typist.input("he");
    typist.input("hel");
    expect(sent).toEqual([true]);
  });

  test("renews it every 3 seconds while the person goes on typing", () => {
    typist.input("h");
    vi.advanceTimersByTime(RENEW_MS - 1);
    typist.input("hi");
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(1);
    typist.input("hi ");
    expect(sent).toEqual([true, true]);
  });

  test("says the person stopped after 5 seconds without a keystroke, once", () => {
    typist.input("h");
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([true, false]);
    vi.advanceTimersByTime(IDLE_MS * 2);
    expect(sent).toEqual([true, false]);
  });

  test("a keystroke puts the idle time back to its start", () => {
    typist.input("h");
    vi.advanceTimersByTime(4_000);
    typist.input("hi");
    vi.advanceTimersByTime(4_000);
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([true, true, false]);
  });

  test("clearing the box or sending the line says the person stopped at once; typing again starts anew", () => {
    typist.input("hello");
    typist.input("");
    expect(sent).toEqual([true, false]);
    vi.advanceTimersByTime(SOONEST_MS);
    typist.input("again");
    typist.stop();
    expect(sent).toEqual([true, false, true, false]);
    vi.advanceTimersByTime(IDLE_MS);
    expect(sent).toEqual([true, false, true, false]);
  });

  test("the next line, begun right after one was sent, says so once the server would take it", () => {
    typist.input("first");
    vi.advanceTimersByTime(500);
    typist.stop();
    typist.input("s");
    expect(sent).toEqual([true, false]);
    vi.advanceTimersByTime(SOONEST_MS - 501);
    expect(sent).toEqual([true, false]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([true, false, true]);
  });

  test("a line sent before its typing could be said says nothing at all", () => {
    typist.input("first");
    typist.stop();
    typist.input("ok");
    typist.stop();
    vi.advanceTimersByTime(IDLE_MS);
    expect(sent).toEqual([true, false]);
  });

  test("a box that never said so says nothing when it stops, and a command is no typing", () => {
    typist.stop();
    typist.input("/roll 2d6", speaksInConversation("/roll 2d6"));
    expect(sent).toEqual([]);
    typist.input("hello", true);
    typist.input("/ro", false);
    expect(sent).toEqual([true, false]);
  });
});

describe("what counts as a line to the others", () => {
  test("in a channel or scene: anything but a command; // is a line that starts with a slash", () => {
    expect(speaksInConversation("hello")).toBe(true);
    expect(speaksInConversation("/me waves")).toBe(false);
    expect(speaksInConversation("//not a command")).toBe(true);
  });

  test("in the world: say, pose, semipose and emit, by word or mark; not a move, a look or a whisper", () => {
    for (const line of ['"hello', ":waves", ";'s cloak", "\\\\The bell rings", "say hello", "Pose bows", "emit Rain."]) {
      expect(speaksInWorld(line)).toBe(true);
    }
    for (const line of ["north", "look Ada", "say", "whisper Bo=hi", "page Bo=hi", "sayonara", "@describe me=tall"]) {
      expect(speaksInWorld(line)).toBe(false);
    }
  });
});

describe("who is typing, as the others show it", () => {
  const at = 1_000_000;
  const empty: Places = new Map();

  test("one name, two, then several without names, whoever began first first", () => {
    let all = typingHeard(empty, "#lobby", "p-sage", "Sage", true, at);
    expect(typingText(typingIn(all, "#lobby"))).toBe("Sage is typing…");
    all = typingHeard(all, "#lobby", "p-rowan", "Rowan", true, at + 1);
    expect(typingText(typingIn(all, "#lobby"))).toBe("Sage and Rowan are typing…");
    all = typingHeard(all, "#lobby", "p-sage", "Sage", true, at + 2);
    expect(typingIn(all, "#lobby")).toEqual(["Sage", "Rowan"]);
    all = typingHeard(all, "#lobby", "p-kit", "Kit", true, at + 3);
    expect(typingText(typingIn(all, "#lobby"))).toBe("Several people are typing…");
    expect(typingText(typingIn(all, "#elsewhere"))).toBeNull();
  });

  test("goes when told it stopped, or on a line from that persona", () => {
    let all = typingHeard(empty, "#lobby", "p-sage", "Sage", true, at);
    all = typingHeard(all, "#lobby", "p-rowan", "Rowan", true, at);
    all = typingHeard(all, "#lobby", "p-sage", "Sage", false, at + 10);
    expect(typingIn(all, "#lobby")).toEqual(["Rowan"]);
    all = spokeIn(all, "#lobby", "p-rowan");
    expect(all.has("#lobby")).toBe(false);
    expect(spokeIn(all, "#lobby", "p-rowan")).toBe(all);
    expect(typingHeard(all, "#lobby", "p-nobody", "Nobody", false, at)).toBe(all);
  });

  test("goes 6 seconds after the last renewal, and a renewal keeps it", () => {
    let all = typingHeard(empty, "#lobby", "p-sage", "Sage", true, at);
    all = typingHeard(all, "world", "p-kit", "Kit", true, at + 2_000);
    expect(nextExpiry(all)).toBe(at + SHOWN_MS);
    expect(expire(all, at + SHOWN_MS - 1)).toBe(all);
    all = typingHeard(all, "#lobby", "p-sage", "Sage", true, at + 3_000);
    all = expire(all, at + SHOWN_MS + 2_000);
    expect(typingIn(all, "#lobby")).toEqual(["Sage"]);
    expect(typingIn(all, "world")).toEqual([]);
    expect(nextExpiry(all)).toBe(at + 3_000 + SHOWN_MS);
    expect(nextExpiry(expire(all, at + 3_000 + SHOWN_MS))).toBeNull();
  });
});

describe("a scene's typing signal", () => {
  test("is exactly the typing kind with its flag", () => {
    expect(parseTypingSignal('{"kind":"typing","typing":true}')).toBe(true);
    expect(parseTypingSignal('{"kind":"typing","typing":false}')).toBe(false);
  });

  test("anything else is not one: a call's message, another shape, no JSON", () => {
    for (const json of ['{"kind":"call.ask"}', '{"kind":"typing"}', '{"kind":"typing","typing":"yes"}', '{"kind":"typing","typing":true,"call":"C"}',
      "[]", "null", "typing", '"typing"']) {
      expect(parseTypingSignal(json)).toBeUndefined();
    }
  });
});
