/** Where a line is typed: a public channel, or a private scene, which knows a few more commands. */
export type Place = "channel" | "scene";

/** A line to say, or to pose (/me). */
export type Spoken = { kind: "say" | "pose"; text: string };
/** The safeword, with the cooling-off typed after /safeword, or null for the one chosen beside the button. */
export type Safeword = { kind: "safeword"; hours: number | null };
/**
 * Shown to the person only: an unknown command, a command used wrongly, or /help itself is never
 * sent, so that it cannot land in a channel by mistake.
 */
export type Help = { kind: "help"; problem: string | null };
/** What a line typed in each place can ask for: only a scene has a safeword. */
export interface Asks { channel: Spoken | Help; scene: Spoken | Safeword | Help }
type Typed = Spoken | Safeword | Help;

/** One command of the message box, as /help lists it. */
export interface Command { usage: string; description: string }

interface Known extends Command { name: string; places: readonly Place[]; read(rest: string): Typed | null }

const MAX_COOLING_OFF_HOURS = 720;
const PLACE_NAMES: Record<Place, string> = { channel: "a channel", scene: "a private scene" };

const KNOWN: readonly Known[] = [
  {
    name: "/me", usage: "/me TEXT", description: "describe what you do, shown as * Name TEXT", places: ["channel", "scene"],
    read: (rest) => (rest ? { kind: "pose", text: rest } : null),
  },
  {
    name: "/safeword", usage: "/safeword [HOURS]", places: ["scene"],
    description: "end this scene at once for everyone; no invitations from them for HOURS (0 to 720), or as chosen beside the Safeword button",
    read: (rest) => {
      if (!rest) return { kind: "safeword", hours: null };
      return /^\d{1,3}$/.test(rest) && Number(rest) <= MAX_COOLING_OFF_HOURS ? { kind: "safeword", hours: Number(rest) } : null;
    },
  },
  {
    name: "/help", usage: "/help", description: "list these commands", places: ["channel", "scene"],
    read: (rest) => (rest ? null : { kind: "help", problem: null }),
  },
];

/** The commands of a channel's or a scene's message box, in the order /help lists them. */
export function commands(place: Place): Command[] {
  return KNOWN.filter((known) => known.places.includes(place)).map(({ usage, description }) => ({ usage, description }));
}

/**
 * Reads a line typed in a channel or a scene. A line that starts with `/` is a command; `//` sends
 * the rest of the line, from its second `/`, as it is. In a scene, `isSafewordWord` recognises the
 * agreement's safeword word, which is the safeword and never a line.
 */
export function parse<P extends Place>(line: string, place: P, isSafewordWord: (line: string) => boolean = () => false): Asks[P] {
  return read(line, place, isSafewordWord) as Asks[P]; // a command is read only in the places it lists
}

function read(line: string, place: Place, isSafewordWord: (line: string) => boolean): Typed {
  const typed = line.trim();
  if (isSafewordWord(line)) return { kind: "safeword", hours: null };
  if (typed.startsWith("//")) return { kind: "say", text: typed.slice(1) };
  if (!typed.startsWith("/")) return { kind: "say", text: line };
  const space = typed.search(/\s/);
  const name = (space < 0 ? typed : typed.slice(0, space)).toLowerCase();
  const rest = space < 0 ? "" : typed.slice(space).trim();
  const known = KNOWN.find((command) => command.name === name);
  if (!known) return { kind: "help", problem: `There is no command ${name}; nothing was sent.` };
  if (!known.places.includes(place)) {
    return { kind: "help", problem: `${name} works only in ${known.places.map((where) => PLACE_NAMES[where]).join(" or ")}; nothing was sent.` };
  }
  return known.read(rest) ?? { kind: "help", problem: `Usage: ${known.usage}; nothing was sent.` };
}
