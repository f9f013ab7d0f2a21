import { describe, expect, test } from "vitest";
import type { ExitView } from "../api/protocol";
import { EMPTY_MAP, free, layout, step, visit } from "./worldMap";
import { courtyard, library, teaHouse, terrace } from "./worldFixtures";

const north = courtyard.exits[0];
const east = courtyard.exits[1];
const up = library.exits[1];

describe("placing the rooms walked through", () => {
  test("exits step by the compass, by name or alias; up and down go diagonally; a named exit has no step", () => {
    expect(step({ name: "north", aliases: [] })).toEqual([0, -1]);
    expect(step({ name: "SW", aliases: [] })).toEqual([-1, 1]);
    expect(step({ name: "staircase", aliases: ["up"] })).toEqual([1, -1]);
    expect(step({ name: "down", aliases: [] })).toEqual([-1, 1]);
    expect(step({ name: "portal", aliases: ["gate"] })).toBeNull();
  });

  test("the first room is at the centre, the next one step away in the direction of the exit taken", () => {
    let map = visit(EMPTY_MAP, null, courtyard);
    map = visit(map, courtyard, library, north);
    map = visit(map, library, terrace, up);
    map = visit(map, terrace, library, terrace.exits[0]);
    expect(map.rooms.map(({ id, x, y }) => [id, x, y])).toEqual([["courtyard", 0, 0], ["library", 0, -1], ["terrace", 1, -2]]);
    expect(map.links.map((link) => link.exit)).toEqual(["north", "up", "down"]);
  });

  test("a room whose cell is taken, or reached by a named exit or none, goes to the nearest free cell", () => {
    let map = visit(visit(EMPTY_MAP, null, courtyard), courtyard, library, north);
    map = visit(map, courtyard, teaHouse, { ...north, name: "north", aliases: [] }); // a second room to the north
    const tea = map.rooms.find((room) => room.id === "tea-house")!;
    expect([tea.x, tea.y]).not.toEqual([0, -1]);
    expect(Math.max(Math.abs(tea.x), Math.abs(tea.y + 1))).toBe(1);
    map = visit(map, teaHouse, terrace); // home, say: not by an exit
    expect(map.links).toHaveLength(2);
    expect(free([{ x: 0, y: 0 }], { x: 0, y: 0 })).toEqual({ x: -1, y: -1 });
    expect(free([{ x: 0, y: 0 }], { x: 2, y: 2 })).toEqual({ x: 2, y: 2 });
  });
});

describe("what the small map draws", () => {
  test("the current room highlighted, neighbours that take their exit, and unvisited rooms the exits lead to", () => {
    const map = visit(visit(EMPTY_MAP, null, courtyard), courtyard, library, north);
    const drawn = layout(map, library);
    const current = drawn.nodes.find((node) => node.current)!;
    expect(current.id).toBe("library");
    const back = drawn.nodes.find((node) => node.id === "courtyard")!;
    expect(back.exit?.name).toBe("south");
    const ahead = drawn.nodes.find((node) => !node.seen)!;
    expect(ahead).toMatchObject({ name: "The Roof Terrace", x: 1, y: -2, exit: up });
    expect(drawn.edges.filter((edge) => edge.vertical)).toHaveLength(1);
    expect(drawn.box).toEqual({ x: -1, y: -2, width: 3, height: 3 });
  });

  test("an exit leads to the room of its id, though another room has the same name", () => {
    const annex: ExitView = { name: "west", aliases: [], to: "The Library", toId: "library-annex", rating: "general" };
    const square = { ...courtyard, exits: [annex, north] };
    const map = visit(visit(EMPTY_MAP, null, library), library, square, library.exits[0]);
    const drawn = layout(map, square);
    expect(drawn.nodes.find((node) => node.id === "library")?.exit?.name).toBe("north");
    expect(drawn.nodes.find((node) => !node.seen)).toMatchObject({ name: "The Library", exit: annex });
  });

  test("a way walked both ways is drawn once, and nothing is drawn before the first room", () => {
    let map = visit(visit(EMPTY_MAP, null, courtyard), courtyard, teaHouse, east);
    map = visit(map, teaHouse, courtyard, teaHouse.exits[0]);
    const drawn = layout(map, courtyard);
    const between = drawn.edges.filter((edge) => [edge.from, edge.to].every((end) => end.y === 0 && (end.x === 0 || end.x === 1)));
    expect(between).toHaveLength(1);
    expect(layout(EMPTY_MAP, null).nodes).toEqual([]);
  });
});
