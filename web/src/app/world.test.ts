import { describe, expect, test } from "vitest";
import type { WorldMessage } from "../api/protocol";
import { concerns, initial, KEPT, reduce, refused, typed, type WorldState } from "./world";
import { ann, courtyard, kit, library, teaHouse } from "./worldFixtures";

const entered = (): WorldState => reduce(initial(ann.id), { type: "world.room", id: "w1", persona: ann.id, room: courtyard, here: [ann] });
const fold = (state: WorldState, ...messages: WorldMessage[]) => messages.reduce(reduce, state);
const kinds = (state: WorldState) => state.entries.map((entry) => entry.kind);

describe("the world's view, made from the server's messages", () => {
  test("entering shows the room, who is here, the room in the stream, and puts it on the map", () => {
    const state = entered();
    expect(state.room).toEqual(courtyard);
    expect(state.here).toEqual([ann]);
    expect(kinds(state)).toEqual(["room"]);
    expect(state.map.rooms).toEqual([{ id: "courtyard", name: "The Courtyard", rating: "general", x: 0, y: 0 }]);
  });

  test("someone arriving joins who is here and the stream says so; departing takes them away again", () => {
    let state = fold(entered(), { type: "world.arrived", room: "courtyard", persona: kit, via: "south", how: "moved" });
    expect(state.here.map((one) => one.name)).toEqual(["Ann", "Kit"]);
    expect(state.entries.at(-1)).toMatchObject({ kind: "arrived", who: kit, via: "south", how: "moved" });
    state = fold(state, { type: "world.arrived", room: "courtyard", persona: { ...kit, status: "away" }, how: "connected" });
    expect(state.here).toHaveLength(2);
    state = fold(state, { type: "world.departed", room: "courtyard", persona: { id: kit.id, name: kit.name }, via: "north", how: "moved" });
    expect(state.here).toEqual([ann]);
    expect(kinds(state)).toEqual(["room", "arrived", "arrived", "departed"]);
  });

  test("the persona's own coming and going is told by the room it is in, not as someone else's", () => {
    const state = fold(entered(), { type: "world.arrived", room: "courtyard", persona: ann, how: "entered" },
      { type: "world.departed", room: "courtyard", persona: ann, how: "left" });
    expect(kinds(state)).toEqual(["room"]);
  });

  test("lines, answers and changes to the room go into the stream in order", () => {
    const state = fold(entered(),
      { type: "world.line", line: { id: "l1", room: "courtyard", kind: "say", author: kit, text: "hi", at: 1 } },
      { type: "world.line", line: { id: "l2", room: "courtyard", kind: "whisper", author: kit, to: { id: "p-bo", name: "Bo" }, at: 2 } },
      { type: "world.look", id: "w2", persona: ann.id, target: { kind: "thing", name: "a stone fountain", description: "Water." } },
      { type: "world.who", id: "w3", people: [{ persona: kit, status: "online" }] },
      { type: "world.help", id: "w4", topic: "", text: "Commands:", topics: ["moving"] },
      { type: "world.inventory", id: "w5", persona: ann.id, things: [] },
      { type: "world.done", id: "w6", persona: ann.id, text: "Adult areas are open to you." });
    expect(kinds(state)).toEqual(["room", "line", "line", "look", "who", "help", "inventory", "done"]);
  });

  test("a thing picked up leaves the room, one dropped lies in it, and the room's changes replace it", () => {
    const lamp = { id: "lamp", name: "a lamp", portable: true };
    let state = fold(entered(), { type: "world.thing", room: "courtyard", by: kit, action: "dropped", thing: lamp });
    expect(state.room!.things.map((t) => t.name)).toEqual(["a stone fountain", "a lamp"]);
    state = fold(state, { type: "world.thing", room: "courtyard", by: ann, action: "got", thing: lamp });
    expect(state.room!.things.map((t) => t.name)).toEqual(["a stone fountain"]);
    state = fold(state, { type: "world.updated", room: { ...courtyard, name: "The Old Courtyard" } });
    expect(state.room!.name).toBe("The Old Courtyard");
  });

  test("moving by an exit puts the next room on the map in its direction, linked by the exit taken", () => {
    let state = typed(entered(), "n");
    state = fold(state, { type: "world.room", persona: ann.id, room: library, here: [ann] });
    expect(state.room).toEqual(library);
    expect(state.map.rooms.find((room) => room.id === "library")).toMatchObject({ x: 0, y: -1 });
    expect(state.map.links).toEqual([{ from: "courtyard", to: "library", exit: "north" }]);
    state = fold(typed(state, "go south"), { type: "world.room", persona: ann.id, room: courtyard, here: [ann] });
    state = fold(state, { type: "world.room", persona: ann.id, room: teaHouse, here: [] });
    expect(state.map.rooms.find((room) => room.id === "tea-house")).toMatchObject({ x: 1, y: 0, rating: "mature" });
    expect(state.map.links.map((link) => link.exit)).toEqual(["north", "south", "east"]);
  });

  test("looking round without moving shows the room again and leaves the map as it was", () => {
    const before = entered();
    const state = fold(before, { type: "world.room", id: "w9", persona: ann.id, room: courtyard, here: [ann, kit] });
    expect(state.map).toBe(before.map);
    expect(state.here).toHaveLength(2);
    expect(kinds(state)).toEqual(["room", "room"]);
    expect(state.entries.map((entry) => entry.kind === "room" && entry.described)).toEqual([false, true]);
  });

  test("a refusal is in the stream with the line that was refused", () => {
    expect(refused(entered(), "xyzzy", "That is no command of the world.").entries.at(-1))
      .toMatchObject({ kind: "problem", line: "xyzzy", text: "That is no command of the world." });
  });

  test("the stream keeps the newest entries only, each with its own key", () => {
    let state = entered();
    for (let n = 0; n < KEPT + 10; n++) state = reduce(state, { type: "world.done", persona: ann.id, text: `line ${n}` });
    expect(state.entries).toHaveLength(KEPT);
    expect(new Set(state.entries.map((entry) => entry.key)).size).toBe(KEPT);
    expect(state.entries.at(-1)).toMatchObject({ text: `line ${KEPT + 9}` });
  });
});

describe("whose view a message is for", () => {
  const state = entered();
  test("events of the persona's room, and what is said to the persona, wherever it is", () => {
    expect(concerns(state, { type: "world.arrived", room: "courtyard", persona: kit, how: "moved" })).toBe(true);
    expect(concerns(state, { type: "world.arrived", room: "library", persona: kit, how: "moved" })).toBe(false);
    expect(concerns(state, { type: "world.updated", room: library })).toBe(false);
    expect(concerns(state, { type: "world.line", line: { id: "p", kind: "page", author: kit, to: { id: ann.id, name: "Ann" }, text: "hi", at: 1 } })).toBe(true);
    expect(concerns(state, { type: "world.line", line: { id: "p", kind: "page", author: kit, to: { id: "p-bo", name: "Bo" }, text: "hi", at: 1 } })).toBe(false);
    expect(concerns(state, { type: "world.room", persona: kit.id, room: library, here: [] })).toBe(false);
    expect(concerns(state, { type: "world.room", persona: ann.id, room: library, here: [] })).toBe(true);
  });
});

describe("statuses in the world", () => {
  test("a status told in the room changes who is here, with its line, and puts nothing in the stream", () => {
    let state = fold(entered(), { type: "world.arrived", room: "courtyard", persona: kit, how: "moved" });
    state = fold(state, { type: "world.presence", room: "courtyard", persona: kit.id, status: "busy", statusLine: "back in 10" });
    expect(state.here.find((one) => one.id === kit.id)).toEqual({ ...kit, status: "busy", statusLine: "back in 10" });
    state = fold(state, { type: "world.presence", room: "courtyard", persona: kit.id, status: "online" });
    expect(state.here.find((one) => one.id === kit.id)).toEqual({ ...kit, status: "online" });
    expect(kinds(state)).toEqual(["room", "arrived"]);
  });

  test("a status told in another room is not this view's", () => {
    expect(concerns(entered(), { type: "world.presence", room: "library", persona: kit.id, status: "dnd" })).toBe(false);
    expect(concerns(entered(), { type: "world.presence", room: "courtyard", persona: kit.id, status: "dnd" })).toBe(true);
  });
});
