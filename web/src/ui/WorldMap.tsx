import type { RoomView } from "../api/protocol";
import { layout, type Node, type WorldMap as Walked } from "../app/worldMap";

/** A cell of the map, and a room's box in it, in the SVG's units. */
const CELL = { width: 104, height: 70 };
const BOX = { width: 88, height: 48 };
/** Characters of a room's name per line of its box at the map's font size, the lines a box holds, and their spacing. */
const PER_LINE = 13;
const MOST_LINES = 3;
const LEADING = 13;

/**
 * The small map of the rooms visited this session around the current room (highlighted), with the
 * rooms its exits lead to; a neighbour is a button that takes its exit, by pointer or keyboard.
 */
export function WorldMap({ map, room, send }: { map: Walked; room: RoomView; send: (line: string) => void }) {
  const drawn = layout(map, room);
  if (drawn.nodes.length === 0) return null;
  const { box } = drawn;
  const centre = (cell: { x: number; y: number }) => ({ x: (cell.x + .5) * CELL.width, y: (cell.y + .5) * CELL.height });
  return (
    <svg class="world-map" role="group" aria-label="Map of the rooms you visited" viewBox={
      `${box.x * CELL.width} ${box.y * CELL.height} ${box.width * CELL.width} ${box.height * CELL.height}`}>
      {drawn.edges.map((edge, index) => {
        const [a, b] = [centre(edge.from), centre(edge.to)];
        return <line key={index} class={edge.vertical ? "way vertical" : "way"} x1={a.x} y1={a.y} x2={b.x} y2={b.y} />;
      })}
      {drawn.nodes.map((node) => <Room key={node.id} node={node} at={centre(node)} send={send} />)}
    </svg>
  );
}

function Room({ node, at, send }: { node: Node; at: { x: number; y: number }; send: (line: string) => void }) {
  const exit = !node.current && node.exit;
  const classes = ["room", node.current ? "current" : "", node.seen ? "" : "unseen", exit ? "near" : "", node.rating].filter(Boolean).join(" ");
  const take = exit ? () => send(exit.name) : undefined;
  const shown = lines(node.name);
  const label = node.current ? `${node.name}, where you are` : exit ? `Go ${exit.name} to ${node.name}` : node.name;
  const keys = (event: KeyboardEvent) => {
    if (take && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      take();
    }
  };
  return (
    <g class={classes} role={exit ? "button" : undefined} tabIndex={exit ? 0 : undefined} aria-label={exit ? label : undefined}
      onClick={take} onKeyDown={keys}>
      <title>{label}</title>
      <rect x={at.x - BOX.width / 2} y={at.y - BOX.height / 2} width={BOX.width} height={BOX.height} rx="6" />
      {/* Each line but the last ends in its space, so that the text as read is the name as written. */}
      <text x={at.x} y={at.y + 4 - (shown.length - 1) * LEADING / 2} text-anchor="middle">
        {shown.map((line, index) => <tspan key={index} x={at.x} dy={index === 0 ? 0 : LEADING}>{index < shown.length - 1 ? `${line} ` : line}</tspan>)}
      </text>
    </g>
  );
}

/** A room's name in at most three lines of its box, without a leading "The"; only a name longer than they hold is cut short. */
export function lines(name: string): string[] {
  const out: string[] = [];
  for (const word of name.replace(/^the\s+/i, "").split(/\s+/)) {
    const last = out.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= PER_LINE) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out.length <= MOST_LINES ? out : [...out.slice(0, MOST_LINES - 1), `${out[MOST_LINES - 1]}…`];
}
