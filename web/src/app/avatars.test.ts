import { afterEach, describe, expect, test, vi } from "vitest";
import type { ServerMessage } from "../api/protocol";
import { Refused } from "../api/socket";
import { FRESH_MS, forget, heard, LOOKUP_SPACING_MS, pictures, start, wanted } from "./avatars";

afterEach(() => {
  forget();
  vi.useRealTimers();
});

/** A server that knows Rowan's picture, hides Sage (a block), and is offline when told to be. */
function server() {
  const asked: string[] = [];
  let offline = false;
  const requester = async <T extends ServerMessage>(_type: string, fields: Record<string, unknown> = {}) => {
    const name = String(fields.name);
    asked.push(name);
    if (offline) throw new Refused("offline", "Not connected.");
    if (name === "Sage") throw new Refused("not_found", "no such persona");
    return { type: "persona", persona: { id: name.toLowerCase(), name, avatar: name === "Rowan" ? "hash-of-rowan" : null } } as unknown as T;
  };
  return { asked, requester, goOffline: (now: boolean) => (offline = now) };
}

describe("pictures of members and authors", () => {
  test("are looked up once each, one at a time and spaced out", async () => {
    vi.useFakeTimers();
    const s = server();
    start(s.requester);
    wanted({ id: "rowan", name: "Rowan" });
    wanted({ id: "sage", name: "Sage" });
    wanted({ id: "rowan", name: "Rowan" });
    wanted({ id: "kit", name: "Kit" });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.asked).toEqual(["Rowan"]);
    expect(pictures.value.get("rowan")).toBe("hash-of-rowan");
    await vi.advanceTimersByTimeAsync(LOOKUP_SPACING_MS);
    expect(s.asked).toEqual(["Rowan", "Sage"]);
    expect(pictures.value.get("sage")).toBeNull();
    await vi.advanceTimersByTimeAsync(LOOKUP_SPACING_MS);
    expect(s.asked).toEqual(["Rowan", "Sage", "Kit"]);
    expect(pictures.value.get("kit")).toBeNull();
    wanted({ id: "kit", name: "Kit" });
    await vi.advanceTimersByTimeAsync(LOOKUP_SPACING_MS * 2);
    expect(s.asked).toHaveLength(3);
  });

  test("a profile heard needs no lookup, and what is heard later wins", async () => {
    const s = server();
    start(s.requester);
    heard({ id: "ash", avatar: "old" });
    wanted({ id: "ash", name: "Ash" });
    heard({ id: "ash", avatar: null });
    expect(s.asked).toEqual([]);
    expect(pictures.value.get("ash")).toBeNull();
  });

  test("a picture heard long ago is asked again when shown again", async () => {
    vi.useFakeTimers();
    const s = server();
    start(s.requester);
    heard({ id: "rowan", avatar: null }, 0);
    wanted({ id: "rowan", name: "Rowan" }, FRESH_MS - 1);
    await vi.advanceTimersByTimeAsync(LOOKUP_SPACING_MS);
    expect(s.asked).toEqual([]);
    wanted({ id: "rowan", name: "Rowan" }, FRESH_MS);
    await vi.advanceTimersByTimeAsync(LOOKUP_SPACING_MS);
    expect(s.asked).toEqual(["Rowan"]);
    expect(pictures.value.get("rowan")).toBe("hash-of-rowan");
  });

  test("while offline the lookups wait for the next hello", async () => {
    vi.useFakeTimers();
    const s = server();
    s.goOffline(true);
    start(s.requester);
    wanted({ id: "rowan", name: "Rowan" });
    await vi.advanceTimersByTimeAsync(LOOKUP_SPACING_MS * 4);
    expect(s.asked).toEqual(["Rowan"]);
    expect(pictures.value.has("rowan")).toBe(false);
    s.goOffline(false);
    start(s.requester);
    await vi.advanceTimersByTimeAsync(LOOKUP_SPACING_MS);
    expect(pictures.value.get("rowan")).toBe("hash-of-rowan");
  });
});
