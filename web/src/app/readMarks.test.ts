import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { ReadMarks, WAIT_MS } from "./readMarks";

describe("read marks sent to the server", () => {
  let sent: string[];
  let visible: boolean;
  let failing: boolean;
  let marks: ReadMarks;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    visible = true;
    failing = false;
    marks = new ReadMarks(() => visible);
    marks.start(async (persona, channel, message) => {
      if (failing) throw new Error("offline");
      sent.push(`${persona} ${channel} ${message}`);
    });
  });

  afterEach(() => vi.useRealTimers());

  test("a busy channel is marked once per wait, with its newest line", async () => {
    marks.shown("p1", "lobby", "01");
    marks.shown("p1", "lobby", "02");
    marks.shown("p1", "quay", "07");
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    expect(sent).toEqual(["p1 lobby 02", "p1 quay 07"]);
  });

  test("a line already marked, here or on another device, or an older one, is not sent again", async () => {
    marks.shown("p1", "lobby", "02");
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    marks.shown("p1", "lobby", "02");
    marks.shown("p1", "lobby", "01");
    marks.heard("p1", "quay", "05");
    marks.shown("p1", "quay", "05");
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    expect(sent).toEqual(["p1 lobby 02"]);
  });

  test("a mark waiting when another device marked as far drops", async () => {
    marks.shown("p1", "lobby", "03");
    marks.heard("p1", "lobby", "04");
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    expect(sent).toEqual([]);
  });

  test("lines shown while the page is behind others are marked once it is in front", async () => {
    visible = false;
    marks.shown("p1", "lobby", "01");
    await vi.advanceTimersByTimeAsync(WAIT_MS * 3);
    expect(sent).toEqual([]);
    visible = true;
    marks.soon();
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    expect(sent).toEqual(["p1 lobby 01"]);
  });

  test("a mark that could not be sent goes with the next connection, unless a newer one went first", async () => {
    failing = true;
    marks.shown("p1", "lobby", "01");
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    failing = false;
    marks.soon();
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    expect(sent).toEqual(["p1 lobby 01"]);
  });

  test("forgetting drops what waits and what was sent", async () => {
    marks.shown("p1", "lobby", "01");
    marks.forget();
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    expect(sent).toEqual([]);
  });
});
