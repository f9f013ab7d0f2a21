import { afterEach, describe, expect, test } from "vitest";
import { event } from "./presence";
import { forgetAll, personas, rooms, speaker } from "./state";
import { told } from "./statuses";

const rowan = { id: "p-rowan", name: "Rowan", status: "online" as const };
const sage = { id: "p-sage", name: "Sage", status: "online" as const, owner: false };

function inLobby(): void {
  personas.value = [rowan];
  speaker.value = rowan;
  rooms.value = new Map([["lobby", { name: "lobby", topic: "", messages: [], members: [{ ...rowan, owner: true }, sage] }]]);
}

afterEach(forgetAll);

describe("a member's status told in a channel", () => {
  test("changes the member list with its line, and is what the profile and the board show next", () => {
    inLobby();
    expect(event({ type: "presence", channel: "lobby", persona: sage.id, status: "looking", statusLine: "Up for a mystery" })).toBe(true);
    expect(rooms.value.get("lobby")!.members[1]).toEqual({ ...sage, status: "looking", statusLine: "Up for a mystery" });
    expect(told.value.get(sage.id)).toEqual({ status: "looking", statusLine: "Up for a mystery" });
    event({ type: "presence", channel: "lobby", persona: sage.id, status: "offline" });
    expect(rooms.value.get("lobby")!.members[1]).toEqual({ ...sage, status: "offline" });
  });

  test("of one's own persona, chosen on another device, becomes the choice here; away and offline say nothing sure of it", () => {
    inLobby();
    event({ type: "presence", channel: "lobby", persona: rowan.id, status: "dnd", statusLine: "Writing" });
    expect(speaker.value).toEqual({ ...rowan, status: "dnd", statusLine: "Writing" });
    event({ type: "presence", channel: "lobby", persona: rowan.id, status: "away", statusLine: "Writing" });
    expect(speaker.value?.status).toBe("dnd");
    event({ type: "presence", channel: "lobby", persona: rowan.id, status: "away" });
    expect(speaker.value).toEqual({ ...rowan, status: "dnd" });
  });

  test("is no event of any other kind", () => {
    expect(event({ type: "typing", channel: "lobby", persona: sage.id, typing: true })).toBe(false);
  });
});
