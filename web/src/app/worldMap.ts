import type { ExitView, Rating, RoomView } from "../api/protocol";

/**
 * The map of the rooms visited this session, drawn as the person walks: each new room is placed
 * one cell from the room it was reached from, in the compass direction of the exit taken, or in
 * the nearest free cell when that one is taken or the exit has no direction (a named exit, `home`).
 */
export interface Placed { id: string; name: string; rating: Rating; x: number; y: number }
/** A way walked between two placed rooms, by the exit's name. */
export interface Link { from: string; to: string; exit: string }
export interface WorldMap { rooms: readonly Placed[]; links: readonly Link[] }

export const EMPTY_MAP: WorldMap = { rooms: [], links: [] };

/** One cell's step for each direction word; up and down go diagonally, drawn dashed so that they do not read as a compass step. */
const STEPS: Record<string, readonly [number, number]> = {
  north: [0, -1], n: [0, -1], south: [0, 1], s: [0, 1], east: [1, 0], e: [1, 0], west: [-1, 0], w: [-1, 0],
  northeast: [1, -1], ne: [1, -1], northwest: [-1, -1], nw: [-1, -1], southeast: [1, 1], se: [1, 1], southwest: [-1, 1], sw: [-1, 1],
  up: [1, -1], u: [1, -1], down: [-1, 1], d: [-1, 1],
};

/** The step of an exit: by its name, else by the first of its aliases that is a direction; null when it has none. */
export function step(exit: Pick<ExitView, "name" | "aliases">): readonly [number, number] | null {
  for (const word of [exit.name, ...exit.aliases]) {
    const found = STEPS[word.toLowerCase()];
    if (found) return found;
  }
  return null;
}

/** Whether an exit goes up or down rather than across. */
export function vertical(exit: string): boolean {
  return ["up", "u", "down", "d"].includes(exit.toLowerCase());
}

/**
 * The map once the person is in `to`, having come from `from` (null: the first room of the
 * session) by the exit named `via` (absent: not by an exit). A room already on the map stays where
 * it is, and the way walked is linked.
 */
export function visit(map: WorldMap, from: RoomView | null, to: RoomView, via?: ExitView): WorldMap {
  const start = from && map.rooms.find((room) => room.id === from.id);
  const known = map.rooms.find((room) => room.id === to.id);
  const link = start && via && !map.links.some((l) => l.from === start.id && l.to === to.id) ? [{ from: start.id, to: to.id, exit: via.name }] : [];
  if (known) {
    const renamed = known.name === to.name && known.rating === to.rating ? map.rooms
      : map.rooms.map((room) => (room.id === to.id ? { ...room, name: to.name, rating: to.rating } : room));
    return { rooms: renamed, links: [...map.links, ...link] };
  }
  const wanted = start ? offset(start, via ? step(via) : null) : { x: 0, y: 0 };
  const cell = free(map.rooms, wanted);
  return { rooms: [...map.rooms, { id: to.id, name: to.name, rating: to.rating, ...cell }], links: [...map.links, ...link] };
}

function offset(from: Placed, by: readonly [number, number] | null): { x: number; y: number } {
  return by ? { x: from.x + by[0], y: from.y + by[1] } : { x: from.x + 1, y: from.y };
}

/** The wanted cell if no room is there, else the nearest free one, looking ring by ring around it. */
export function free(rooms: readonly Pick<Placed, "x" | "y">[], wanted: { x: number; y: number }): { x: number; y: number } {
  const taken = new Set(rooms.map((room) => `${room.x},${room.y}`));
  for (let ring = 0; ; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const cell = { x: wanted.x + dx, y: wanted.y + dy };
        if (!taken.has(`${cell.x},${cell.y}`)) return cell;
      }
    }
  }
}

/** A room as drawn: where, whether the person is there, and the exit of the current room that leads there, if one does. */
export interface Node extends Placed { current: boolean; exit: ExitView | null; seen: boolean }
export interface Edge { from: { x: number; y: number }; to: { x: number; y: number }; vertical: boolean }
export interface Drawn { nodes: Node[]; edges: Edge[]; box: { x: number; y: number; width: number; height: number } }

/** How far from the current room, in cells, the small map reaches. */
const REACH = 2;

/**
 * What the map draws around the current room: the visited rooms within reach, and, where the
 * current room's exits lead to rooms not visited yet, those rooms too (not seen), so that every way
 * out can be taken from the map. `box` is in cells, the current room in its middle.
 */
export function layout(map: WorldMap, current: RoomView | null): Drawn {
  const here = current && map.rooms.find((room) => room.id === current.id);
  if (!current || !here) return { nodes: [], edges: [], box: { x: 0, y: 0, width: 1, height: 1 } };
  const near = (cell: { x: number; y: number }) => Math.abs(cell.x - here.x) <= REACH && Math.abs(cell.y - here.y) <= REACH;
  const nodes: Node[] = map.rooms.filter(near).map((room) => ({ ...room, current: room.id === here.id, exit: null, seen: true }));
  const edges: Edge[] = [];
  for (const exit of current.exits) {
    const walked = map.links.find((l) => l.from === here.id && l.exit === exit.name);
    const target = nodes.find((node) => (walked ? node.id === walked.to : !node.current && node.id === exit.toId && !node.exit));
    if (target) {
      target.exit = exit;
      continue;
    }
    const cell = free(nodes, offset(here, step(exit)));
    if (!near(cell)) continue;
    nodes.push({ id: `exit:${exit.name}`, name: exit.to, rating: exit.rating, ...cell, current: false, exit, seen: false });
    edges.push({ from: here, to: cell, vertical: vertical(exit.name) });
  }
  const byId = new Map(nodes.map((node) => [node.id, node]));
  for (const link of map.links) {
    const a = byId.get(link.from);
    const b = byId.get(link.to);
    const back = map.links.some((l) => l.from === link.to && l.to === link.from && l.from < link.from);
    if (a && b && !back) edges.push({ from: a, to: b, vertical: vertical(link.exit) });
  }
  const [x, width] = span(nodes.map((node) => node.x), here.x);
  const [y, height] = span(nodes.map((node) => node.y), here.y);
  return { nodes, edges, box: { x, y, width, height } };
}

/** Where the drawn cells begin along one axis and how many there are: all the rooms drawn, and at least one cell either side of the current one. */
function span(cells: readonly number[], current: number): [number, number] {
  const low = Math.min(current - 1, ...cells);
  const high = Math.max(current + 1, ...cells);
  return [low, high - low + 1];
}
