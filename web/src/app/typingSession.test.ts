import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { ServerMessage } from "../api/protocol";
import { forgetAll, personas, rooms, speaker, worlds } from "./state";
import { shareTyping, SHOWN_MS, typingIn, typists } from "./typing";
import { event, heard, sendTyping, setShareTyping, spoke, start } from "./typingSession";
import { initial } from "./world";
import { courtyard, kit } from "./worldFixtures";

const me = { id: "p-rowan", name: "Rowan" };
const sage = { id: "p-sage", name: "Sage", status: "online" as const, owner: false };
let asked: { type: string; fields: Record<string, unknown> }[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  asked = [];
  start(async <T extends ServerMessage>(type: string, fields: Record<string, unknown> = {}) => {
    asked.push({ type, fields });
    return { type: "ok" } as unknown as T;
  }, true);
  personas.value = [me];
  speaker.value = me;
  rooms.value = new Map([["lobby", { name: "lobby", topic: "", members: [{ ...me, status: "online", owner: true }, sage], messages: [] }]]);
  worlds.value = new Map([[me.id, { ...initial(me.id), room: courtyard, here: [{ ...me, status: "online" }, kit] }]]);
});
afterEach(() => {
  forgetAll();
  vi.useRealTimers();
});

describe("typing heard on the socket", () => {
  test("a channel's members and the world room's occupants show by name; strangers and the account's own personas do not", () => {
    event({ type: "typing", channel: "lobby", persona: sage.id, typing: true });
    event({ type: "typing", room: "courtyard", persona: kit.id, typing: true });
    event({ type: "typing", room: "library", persona: kit.id, typing: true });
    event({ type: "typing", channel: "lobby", persona: "p-stranger", typing: true });
    event({ type: "typing", channel: "lobby", persona: me.id, typing: true });
    expect(typingIn(typists.value, "#lobby")).toEqual(["Sage"]);
    expect(typingIn(typists.value, "world")).toEqual(["Kit"]);
  });

  test("goes on its own after 6 seconds without renewal, and at once on a line", () => {
    event({ type: "typing", channel: "lobby", persona: sage.id, typing: true });
    vi.advanceTimersByTime(SHOWN_MS + 20);
    expect(typingIn(typists.value, "#lobby")).toEqual([]);
    event({ type: "typing", channel: "lobby", persona: sage.id, typing: true });
    spoke("#lobby", sage.id);
    expect(typingIn(typists.value, "#lobby")).toEqual([]);
  });

  test("is no event of any other kind", () => {
    expect(event({ type: "presence", channel: "lobby", persona: sage.id, status: "away" })).toBe(false);
  });
});

describe("sharing typing", () => {
  test("sends a channel's and a room's typing as the protocol has it", () => {
    sendTyping({ kind: "channel", persona: me.id, channel: "lobby" }, true);
    sendTyping({ kind: "room", persona: me.id, room: "courtyard" }, false);
    expect(asked).toEqual([
      { type: "typing", fields: { persona: me.id, channel: "lobby", typing: true } },
      { type: "typing", fields: { persona: me.id, room: "courtyard", typing: false } },
    ]);
  });

  test("turned off, nothing is sent nor shown, and who was typing goes", async () => {
    heard("scene:s1", sage.id, "Sage", true);
    await setShareTyping(false);
    expect(asked).toEqual([{ type: "typing.share", fields: { share: false } }]);
    expect(shareTyping.value).toBe(false);
    expect(typists.value.size).toBe(0);
    sendTyping({ kind: "channel", persona: me.id, channel: "lobby" }, true);
    heard("scene:s1", sage.id, "Sage", true);
    event({ type: "typing", channel: "lobby", persona: sage.id, typing: true });
    expect(asked).toHaveLength(1);
    expect(typists.value.size).toBe(0);
  });

  test("follows what welcome says after each hello", () => {
    start(async <T,>() => ({ type: "ok" }) as T, false);
    expect(shareTyping.value).toBe(false);
    start(async <T,>() => ({ type: "ok" }) as T, true);
    expect(shareTyping.value).toBe(true);
  });
});
