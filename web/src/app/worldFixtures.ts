// Rooms and personas of the tests of the world's view, shaped as the server sends them.
import type { ExitView, Occupant, RoomView } from "../api/protocol";

const ids: Record<string, string> = {
  "The Courtyard": "courtyard", "The Library": "library", "The Roof Terrace": "terrace", "The Tea House": "tea-house", "The Walled Garden": "garden",
};
const exit = (name: string, aliases: string[], to: string): ExitView => ({ name, aliases, to, toId: ids[to] ?? to, rating: "general" });

export const courtyard: RoomView = {
  id: "courtyard", name: "The Courtyard", description: "Warm flagstones.", rating: "general",
  exits: [exit("north", ["n", "library"], "The Library"), exit("east", ["e", "tea"], "The Tea House"), exit("south", ["s", "garden"], "The Walled Garden")],
  things: [{ id: "fountain", name: "a stone fountain", portable: false }],
};
export const library: RoomView = {
  id: "library", name: "The Library", description: "Shelves.", rating: "general",
  exits: [exit("south", ["s", "courtyard"], "The Courtyard"), exit("up", ["u", "staircase"], "The Roof Terrace")], things: [],
};
export const terrace: RoomView = {
  id: "terrace", name: "The Roof Terrace", description: "Lanterns.", rating: "general", exits: [exit("down", ["d"], "The Library")], things: [],
};
export const teaHouse: RoomView = {
  id: "tea-house", name: "The Tea House", description: "A kettle.", rating: "mature", exits: [exit("west", ["w"], "The Courtyard")], things: [],
};

export const ann: Occupant = { id: "p-ann", name: "Ann", status: "online" };
export const kit: Occupant = { id: "p-kit", name: "Kit", status: "online", avatar: "h-kit" };
