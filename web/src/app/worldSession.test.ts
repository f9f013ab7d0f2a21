import { describe, expect, test } from "vitest";
import type { ServerMessage } from "../api/protocol";
import { Refused } from "../api/socket";
import { activity } from "./activity";
import { WORLD_KEY } from "./navigation";
import { worlds } from "./state";
import { ann, courtyard, kit, library } from "./worldFixtures";
import { command, enter, event, leave, start } from "./worldSession";

/** A server as the socket shows it: each request answered in turn by `answer`, every request kept. */
function server(answer: (type: string, fields: Record<string, unknown>) => ServerMessage) {
  const sent: Record<string, unknown>[] = [];
  const requester = async <T extends ServerMessage>(type: string, fields: Record<string, unknown> = {}) => {
    sent.push({ type, ...fields });
    return answer(type, fields) as T;
  };
  return { sent, requester };
}
const room = (id?: string, at = courtyard) => ({ type: "world.room", id, persona: ann.id, room: at, here: [ann] });

describe("the world on the socket", () => {
  test("a command's answer and the room's events go into the persona's view; events of other rooms do not", async () => {
    worlds.value = new Map();
    const { requester } = server((type) => (type === "world.enter" ? room("w1") : { type: "sent", id: "w2" }));
    await start(requester, ann.id);
    expect(worlds.value.size).toBe(0); // nobody is entered by a hello alone
    await enter(ann.id);
    await command(ann.id, "say hi"); // the answer is only "sent": the line comes as an event
    expect(event({ type: "world.line", line: { id: "l1", room: "courtyard", kind: "say", author: kit, text: "hi", at: 1 } })).toBe(true);
    expect(event({ type: "world.line", line: { id: "l2", room: "library", kind: "say", author: kit, text: "there", at: 2 } })).toBe(true);
    expect(event({ type: "message" })).toBe(false);
    const lines = worlds.value.get(ann.id)!.entries.filter((entry) => entry.kind === "line");
    expect(lines).toHaveLength(1);
    await start(requester, ann.id); // a new socket: the speaker's world comes back, its stream kept
    expect(worlds.value.get(ann.id)!.entries.filter((entry) => entry.kind === "line")).toHaveLength(1);
    expect(activity.value.get(WORLD_KEY)?.unread).toBe(2);
  });

  test("a persona the server lost from the world enters again and the line is sent once more", async () => {
    worlds.value = new Map();
    let refusedOnce = false;
    const { sent, requester } = server((type) => {
      if (type === "world.command" && !refusedOnce) {
        refusedOnce = true;
        throw new Refused("not_in_world", "enter first");
      }
      return type === "world.enter" ? room("w1") : { type: "world.look", id: "w3", persona: ann.id, target: { kind: "thing", name: "a stone fountain" } };
    });
    await start(requester, null);
    await command(ann.id, "look fountain");
    expect(sent.map((request) => request.type)).toEqual(["world.command", "world.enter", "world.command"]);
    expect(worlds.value.get(ann.id)!.entries.map((entry) => entry.kind)).toEqual(["room", "look"]);
  });

  test("a refusal is told in the server's words for the player, or ours; an ok that moved nobody says it was done and sees the room afresh", async () => {
    worlds.value = new Map();
    const { sent, requester } = server((type, fields) => {
      if (type === "world.enter") return room("w1");
      if (fields.line === "xyzzy") throw new Refused("unknown_command", "\"xyzzy\" is no command or exit here; help lists the commands");
      if (fields.line === "east") throw new Refused("adult_area", "The Den is an adult area: opt in first with @adult on");
      if (fields.line === "shout") throw new Refused("rate_limited", "slow down", 2000);
      if (fields.line === "look") return room("w5", { ...courtyard, things: [] });
      return { type: "ok", id: "w4" };
    });
    await start(requester, null);
    await enter(ann.id);
    await command(ann.id, "xyzzy");
    await command(ann.id, "east");
    await command(ann.id, "shout");
    await command(ann.id, "get fountain");
    const state = worlds.value.get(ann.id)!;
    expect(state.entries.slice(-4)).toMatchObject([
      { kind: "problem", line: "xyzzy", text: "\"xyzzy\" is no command or exit here; help lists the commands." },
      { kind: "problem", line: "east", text: "The Den is an adult area: opt in first with @adult on, or with “Let me into adult areas” in the world's settings." },
      { kind: "problem", line: "shout", text: "That was a lot at once. Wait a moment and try again. (about 2 s)" },
      { kind: "done", text: "Done: get fountain" },
    ]);
    expect(state.room!.things).toEqual([]);
    expect(sent.at(-1)).toEqual({ type: "world.command", persona: ann.id, line: "look" });
  });

  test("a move answers ok after its room, and adds nothing more; leaving forgets the view", async () => {
    worlds.value = new Map();
    const { requester } = server((type) => (type === "world.enter" ? room("w1") : { type: "ok", id: "w6" }));
    await start(requester, null);
    await enter(ann.id);
    const moving = command(ann.id, "north");
    event(room(undefined, library)); // the server sends the new room before its answer
    await moving;
    expect(worlds.value.get(ann.id)!.entries.map((entry) => entry.kind)).toEqual(["room", "room"]);
    await leave(ann.id);
    expect(worlds.value.has(ann.id)).toBe(false);
  });
});
