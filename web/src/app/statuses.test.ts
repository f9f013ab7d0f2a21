import { afterEach, describe, expect, test } from "vitest";
import type { Member } from "../api/protocol";
import {
  ago, CHOSEN, forgetStatuses, heardStatus, heardStatusKeepingLine, holdsInvitations, isChosen, isPresence, MAX_STATUS_LINE, STATUS_NAMES,
  statusLine, statusOf, told, withStatus,
} from "./statuses";

afterEach(forgetStatuses);

describe("the statuses a persona chooses and shows", () => {
  test("five are chosen, offline only ever shown, and each has a name to read beside its colour", () => {
    expect(CHOSEN).toEqual(["online", "looking", "away", "busy", "dnd"]);
    expect(isChosen("offline")).toBe(false);
    expect(isPresence("offline")).toBe(true);
    expect(isPresence("invisible")).toBe(false);
    expect(Object.values(STATUS_NAMES)).toEqual(["Online", "Looking", "Away", "Busy", "Do not disturb", "Offline"]);
  });

  test("only do not disturb holds invitations back", () => {
    expect(holdsInvitations({ id: "p", name: "Rowan", status: "dnd" })).toBe(true);
    for (const status of ["online", "looking", "away", "busy"] as const) expect(holdsInvitations({ id: "p", name: "Rowan", status })).toBe(false);
    expect(holdsInvitations(null)).toBe(false);
  });
});

describe("a status line", () => {
  test("is one line: breaks become spaces and control characters go", () => {
    expect(statusLine("Up for\na slow\r\nburn")).toBe("Up for a slow burn");
    expect(statusLine("bell\u0007 and\ttab")).toBe("bell and tab");
  });

  test("stops at 120 characters, never in the middle of one", () => {
    expect(statusLine("a".repeat(130))).toHaveLength(MAX_STATUS_LINE);
    const emoji = `${"a".repeat(119)}😀`;
    expect(statusLine(emoji)).toBe("a".repeat(119));
    expect(statusLine("a".repeat(118) + "😀")).toBe("a".repeat(118) + "😀");
  });
});

describe("a status told", () => {
  const rowan: Member = { id: "p-rowan", name: "Rowan", status: "online", owner: false };

  test("changes a member with its line, and without one takes the old line away", () => {
    const looking = withStatus(rowan, "looking", "Up for a mystery");
    expect(looking).toEqual({ ...rowan, status: "looking", statusLine: "Up for a mystery" });
    expect(withStatus(looking, "busy")).toEqual({ ...rowan, status: "busy" });
    expect(withStatus(looking, "busy", "")).not.toHaveProperty("statusLine");
  });

  test("the newest heard wins over what a list came with, and an unknown word is left out", () => {
    expect(statusOf("p-rowan", rowan)).toEqual({ status: "online" });
    heardStatus("p-rowan", "looking", "Up for a mystery");
    expect(statusOf("p-rowan", rowan)).toEqual({ status: "looking", statusLine: "Up for a mystery" });
    heardStatus("p-rowan", "invisible");
    expect(statusOf("p-rowan")).toEqual({ status: "looking", statusLine: "Up for a mystery" });
    expect(statusOf("p-nobody")).toBeNull();
  });

  test("an ad's status, told without a line, keeps the line while the status is the same", () => {
    heardStatus("p-rowan", "looking", "Up for a mystery");
    heardStatusKeepingLine("p-rowan", "looking");
    expect(told.value.get("p-rowan")).toEqual({ status: "looking", statusLine: "Up for a mystery" });
    heardStatusKeepingLine("p-rowan", "offline");
    expect(told.value.get("p-rowan")).toEqual({ status: "offline" });
  });
});

describe("since when, in few words", () => {
  const now = 1_767_139_200_000;
  test.each([
    [0, "just now"], [59_000, "just now"], [60_000, "1 min ago"], [59 * 60_000, "59 min ago"], [60 * 60_000, "1 h ago"],
    [23 * 3_600_000, "23 h ago"], [24 * 3_600_000, "a day ago"], [72 * 3_600_000, "3 days ago"], [-5_000, "just now"],
  ])("%i ms ago is %s", (before, said) => {
    expect(ago(now - before, now)).toBe(said);
  });
});
