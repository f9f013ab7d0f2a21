import { beforeEach, describe, expect, test } from "vitest";
import type { Scene } from "../api/protocol";
import {
  endedNotice, endedScene, endedScenes, forgetAll, forgetEnded, keepEnded, purgeEnded, sceneLines, type Frank, type SceneLine,
} from "./state";

const frank = (receiver: string): Frank =>
  ({ sender: "mal", receiver, epoch: 1, at: 0, kid: 1, tag: "t", commitment: "c", frankingKey: "k", body: "b" });
const received = (id: string, expiresAt?: number): SceneLine =>
  ({ id, kind: "say", from: { id: "mal", name: "Mallory" }, text: `line ${id}`, at: 0, expiresAt, frank: frank("wren") });
const mine: SceneLine = { id: "own", kind: "say", from: { id: "wren", name: "Wren" }, text: "no", at: 0 };
const dropped: SceneLine = { id: "bad", kind: "dropped", text: "A message was dropped.", at: 0 };
const scene = { id: "s1", members: [{ id: "wren", name: "Wren" }, { id: "mal", name: "Mallory" }] } as Scene;

beforeEach(() => forgetAll());

describe("what stays of a scene that ended", () => {
  test("only lines someone else wrote, which carry what a report needs, with who else was there", () => {
    const ended = endedScene(scene, "s1", [received("1"), mine, dropped, received("2")]);
    expect(ended).toEqual({ id: "s1", with: ["Mallory"], lines: [received("1"), received("2")] });
  });

  test("nothing stays when there is nothing to report", () => {
    expect(endedScene(scene, "s1", [mine, dropped])).toBeNull();
    keepEnded(endedScene(scene, "s1", [mine]));
    expect(endedScenes.value.size).toBe(0);
  });

  test("without the scene's member list, the names of those who wrote the lines", () => {
    expect(endedScene(undefined, "s1", [received("1")])?.with).toEqual(["Mallory"]);
  });
});

describe("how long it stays", () => {
  test("lines go when their timer runs out, and the scene with its last line", () => {
    keepEnded(endedScene(scene, "s1", [received("1", 1_000), received("2", 2_000)]));
    purgeEnded(1_500);
    expect(endedScenes.value.get("s1")?.lines.map((line) => line.id)).toEqual(["2"]);
    purgeEnded(2_000);
    expect(endedScenes.value.has("s1")).toBe(false);
  });

  test("lines without a timer stay until the person forgets them", () => {
    keepEnded(endedScene(scene, "s1", [received("1")]));
    purgeEnded(Number.MAX_SAFE_INTEGER);
    expect(endedScenes.value.get("s1")?.lines).toHaveLength(1);
    forgetEnded("s1");
    expect(endedScenes.value.size).toBe(0);
  });

  test("logout and the panic hide forget them with everything else", () => {
    keepEnded(endedScene(scene, "s1", [received("1")]));
    sceneLines.value = new Map([["s2", [received("3")]]]);
    forgetAll();
    expect(endedScenes.value.size).toBe(0);
    expect(sceneLines.value.size).toBe(0);
  });
});

describe("what the person reads when a scene ends", () => {
  test("the one who used the safeword reads that it was them, with the cooling-off they chose", () => {
    expect(endedNotice(168, false)).toBe(
      "You used the safeword: the scene is over for everyone, and they may not invite you again for 7 days. It is gone from this device.");
    expect(endedNotice(24, false)).toContain("for 24 hours.");
    expect(endedNotice(5, false)).toContain("for 5 hours.");
    expect(endedNotice(0, false)).toBe("You used the safeword: the scene is over for everyone. It is gone from this device.");
  });

  test("the others are not told who", () => {
    expect(endedNotice(undefined, true)).toBe("A scene is over: someone used the safeword. It is gone from this device."
      + " You can still report something from it, from Channels and personas, until you log out or hide the page.");
  });
});
