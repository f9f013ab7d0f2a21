import { REPORT_REASONS, type Answer, type Chosen } from "../api/protocol";
import { DICE_RULE, parseDice, type Dice } from "./dice";
import type { TranscriptChoice } from "./transcript";

/** Where a line is typed: a public channel, or a private scene, which knows a few more commands. */
export type Place = "channel" | "scene";

/** A line to say, or to pose (/me). */
export type Spoken = { kind: "say" | "pose"; text: string };

/**
 * One line typed in a message box, understood: text to say or pose, or a command with its
 * arguments. `help` is shown to the person only: /help itself, or what was wrong with a line that
 * looked like a command, which is never sent, so that it cannot land in a channel by mistake. The
 * set is `./tryst chat`'s (client/chat/Commands.java), as a browser does each.
 */
export type Command =
  | Spoken
  | { kind: "roll"; dice: Dice }
  | { kind: "help"; problem: string | null }
  | { kind: "personas" }
  | { kind: "persona.new"; name: string }
  | { kind: "as"; name: string }
  | { kind: "channels" }
  | { kind: "join"; channel: string }
  | { kind: "leave" }
  | { kind: "safeword"; hours: number | null }
  | { kind: "transcript"; choice: TranscriptChoice | null }
  | { kind: "export"; file: string | null }
  | { kind: "who" }
  | { kind: "invite"; name: string; note: string; topics: string[]; safeword: string | null }
  | { kind: "boundaries"; name: string | null }
  | { kind: "boundary.set"; topic: string; answer: Answer | null }
  | { kind: "boundary.notes"; notes: string }
  | { kind: "invitations" }
  | { kind: "accept"; number: number }
  | { kind: "decline"; number: number }
  | { kind: "scenes" }
  | { kind: "scene"; number: number }
  | { kind: "timer"; seconds: number }
  | { kind: "safety"; name: string }
  | { kind: "block"; name: string; scope: "persona" | "account" }
  | { kind: "unblock"; name: string }
  | { kind: "mute"; name: string }
  | { kind: "unmute"; name: string }
  | { kind: "blocked" }
  | { kind: "report"; number: number; reason: string }
  | { kind: "reports" }
  | { kind: "queue" }
  | { kind: "moderate"; number: number; action: Decision; hours: number | null }
  /** Shows the status of the persona spoken as (`change` null), or changes it and its line (undefined: as it is). */
  | { kind: "status"; change: { status?: Chosen; line?: string } | null }
  | { kind: "looking" }
  /** Shows (null) or turns on or off sharing typing, for the whole account. */
  | { kind: "typing"; share: boolean | null }
  | { kind: "quit" };

/** What a moderator may decide on a report, as `/moderate` takes it. */
export type Decision = "warn" | "mute" | "suspend" | "ban" | "ban-persona" | "dismiss";
const DECISIONS: readonly Decision[] = ["warn", "mute", "suspend", "ban", "ban-persona", "dismiss"];

/** One command of the message box, as /help and the palette show it. */
export interface Usage { name: string; usage: string; description: string }

/** Who may use a command where: scene-only commands, and those for moderators. */
interface Spec extends Usage { scene?: true; moderators?: true; read(rest: string): Command | null }

/** The disappearing timers by the names people type, as in `./tryst chat`. */
export const TIMERS: readonly [string, number][] = [["off", 0], ["5m", 300], ["1h", 3600], ["24h", 86400], ["7d", 604800]];
const MAX_COOLING_OFF_HOURS = 720;
const TRANSCRIPT: readonly TranscriptChoice[] = ["ask", "agree", "refuse", "withdraw"];

const none = (command: Command) => (rest: string) => (rest ? null : command);
const named = (make: (name: string) => Command) => (rest: string) => {
  const name = unquote(rest);
  return name ? make(name) : null;
};
const numbered = (make: (number: number) => Command) => (rest: string) => (/^[1-9]\d{0,5}$/.test(rest) ? make(Number(rest)) : null);
const unquote = (typed: string) => (typed.length >= 2 && typed.startsWith("\"") && typed.endsWith("\"") ? typed.slice(1, -1) : typed).trim();

const SPECS: readonly Spec[] = [
  { name: "/help", usage: "/help", description: "list these commands", read: none({ kind: "help", problem: null }) },
  { name: "/me", usage: "/me TEXT", description: "describe what you do, shown as * Name TEXT", read: (rest) => (rest ? { kind: "pose", text: rest } : null) },
  { name: "/roll", usage: "/roll DICE", read: rollDice,
    description: "roll dice such as d20 or 2d6+1; in a channel the server rolls them, so everyone can trust them" },
  { name: "/who", usage: "/who", description: "list who is here", read: none({ kind: "who" }) },
  { name: "/join", usage: "/join CHANNEL", description: "go to a public channel (it is created if nobody has yet)", read: join },
  { name: "/leave", usage: "/leave", description: "leave the channel or scene you are in", read: none({ kind: "leave" }) },
  { name: "/channels", usage: "/channels", description: "list the public channels", read: none({ kind: "channels" }) },
  { name: "/personas", usage: "/personas", description: "list your personas", read: none({ kind: "personas" }) },
  { name: "/persona", usage: "/persona new NAME", description: "create a persona", read: newPersona },
  { name: "/as", usage: "/as NAME", description: "speak as another of your personas", read: named((name) => ({ kind: "as", name })) },
  { name: "/invite", usage: "/invite NAME [NOTE]", read: invite,
    description: "invite a persona into this scene, or into a new one (the note is not encrypted); topics=A,B and safeword=WORD before the note propose them" },
  { name: "/invitations", usage: "/invitations", description: "list the invitations you received and sent", read: none({ kind: "invitations" }) },
  { name: "/accept", usage: "/accept N", description: "accept invitation N", read: numbered((number) => ({ kind: "accept", number })) },
  { name: "/decline", usage: "/decline N", description: "decline invitation N (the sender is not told)", read: numbered((number) => ({ kind: "decline", number })) },
  { name: "/scenes", usage: "/scenes", description: "list your scenes and their disappearing timers", read: none({ kind: "scenes" }) },
  { name: "/scene", usage: "/scene N", description: "go to scene N", read: numbered((number) => ({ kind: "scene", number })) },
  { name: "/safeword", usage: "/safeword [HOURS]", scene: true, read: safeword,
    description: "end this scene at once for everyone; no invitations from them for HOURS (0 to 720), or as chosen in the scene's details" },
  { name: "/timer", usage: `/timer ${TIMERS.map(([name]) => name).join("|")}`, scene: true, read: timer,
    description: "choose how soon this scene's messages disappear" },
  { name: "/transcript", usage: "/transcript [CHOICE]", scene: true, read: transcript,
    description: "show whether this scene's transcript may be kept; CHOICE: ask, agree, refuse, withdraw" },
  { name: "/export", usage: "/export [FILE]", scene: true, description: "save this scene's transcript, marked as your copy, once everyone agrees",
    read: (rest) => ({ kind: "export", file: rest ? unquote(rest) : null }) },
  { name: "/safety", usage: "/safety NAME", scene: true, description: "show the safety number to compare with a member of this scene",
    read: named((name) => ({ kind: "safety", name })) },
  { name: "/boundaries", usage: "/boundaries [NAME]", read: boundaries,
    description: "show your boundaries, or NAME's beside yours; /boundaries set TOPIC yes|maybe|no|clear and /boundaries notes TEXT change yours" },
  { name: "/block", usage: "/block NAME [account]", description: "block a persona, or with 'account' everyone behind it; they are not told", read: block },
  { name: "/unblock", usage: "/unblock NAME", description: "lift a block", read: named((name) => ({ kind: "unblock", name })) },
  { name: "/mute", usage: "/mute NAME", description: "hide a persona's lines and invitations from you; they are not told", read: named((name) => ({ kind: "mute", name })) },
  { name: "/unmute", usage: "/unmute NAME", description: "lift a mute", read: named((name) => ({ kind: "unmute", name })) },
  { name: "/blocked", usage: "/blocked", description: "list whom you blocked or muted", read: none({ kind: "blocked" }) },
  { name: "/report", usage: "/report N [REASON]", read: report,
    description: `report line N of those here (1 is the newest of others) to the moderators; REASON is one of ${REPORT_REASONS.join(", ")}` },
  { name: "/reports", usage: "/reports", description: "list your reports and where they stand", read: none({ kind: "reports" }) },
  { name: "/queue", usage: "/queue", moderators: true, description: "moderators: list the open reports", read: none({ kind: "queue" }) },
  { name: "/moderate", usage: "/moderate N WHAT [H]", moderators: true, read: moderate,
    description: "moderators: on report N, WHAT is warn, mute H, suspend H (hours), ban, ban-persona or dismiss" },
  { name: "/status", usage: "/status [STATUS] [LINE]", read: status,
    description: "show your status, or choose one of online, looking, away, busy, dnd (holds invitations) with a LINE of your own or none;"
      + " /status line TEXT changes the line, /status clear removes it" },
  { name: "/looking", usage: "/looking", description: "show who is looking for a partner now", read: none({ kind: "looking" }) },
  { name: "/typing", usage: "/typing [on|off]", read: typing,
    description: "show whether others see when you type (and you see them), or turn it on or off for the whole account" },
  { name: "/quit", usage: "/quit", description: "leave Tryst at once: the page is hidden and you log in again to come back", read: none({ kind: "quit" }) },
];

/** Who is typing, where: the place, and whether they may moderate. */
export interface Where { place: Place; moderator: boolean }

const usable = (spec: Spec, where: Where) => (!spec.scene || where.place === "scene") && (!spec.moderators || where.moderator);

/** The commands of a message box, in the order /help lists them. */
export function commands(where: Where): Usage[] {
  return SPECS.filter((spec) => usable(spec, where)).map(({ name, usage, description }) => ({ name, usage, description }));
}

/** The commands whose name starts as typed (the palette while the first word is typed), or none once past the name. */
export function completions(typed: string, where: Where): Usage[] {
  if (!typed.startsWith("/") || typed.startsWith("//") || /\s/.test(typed)) return [];
  const start = typed.toLowerCase();
  return commands(where).filter((command) => command.name.startsWith(start));
}

/**
 * Reads a line typed in a channel or a scene. A line that starts with `/` is a command; `//` sends
 * the rest of the line, from its second `/`, as it is. In a scene, `isSafewordWord` recognises the
 * agreement's safeword word, which is the safeword and never a line.
 */
export function parse(line: string, where: Where, isSafewordWord: (line: string) => boolean = () => false): Command {
  const typed = line.trim();
  if (where.place === "scene" && isSafewordWord(line)) return { kind: "safeword", hours: null };
  if (typed.startsWith("//")) return { kind: "say", text: typed.slice(1) };
  if (!typed.startsWith("/")) return { kind: "say", text: line };
  const space = typed.search(/\s/);
  const name = (space < 0 ? typed : typed.slice(0, space)).toLowerCase();
  const rest = space < 0 ? "" : typed.slice(space).trim();
  const spec = SPECS.find((known) => known.name === name);
  if (!spec || (spec.moderators && !where.moderator)) {
    const near = nearest(name, where);
    return { kind: "help", problem: `There is no command ${name}; nothing was sent.${near ? ` Did you mean ${near}?` : ""}` };
  }
  if (!usable(spec, where)) return { kind: "help", problem: `${name} works only in a private scene; nothing was sent.` };
  return spec.read(rest) ?? { kind: "help", problem: `Usage: ${spec.usage}; nothing was sent.` };
}

/** The command a mistyped name most likely meant: one or two letters off (added, left out, changed or swapped), or none. */
function nearest(name: string, where: Where): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const command of commands(where)) {
    const distance = edits(name, command.name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: command.name, distance };
  }
  return best?.name ?? null;
}

/** How many letters must be added, left out, changed or swapped with their neighbour to make one word the other. */
function edits(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function join(rest: string): Command | null {
  const channel = rest.replace(/^#/, "").toLowerCase();
  return channel && !/\s/.test(channel) ? { kind: "join", channel } : null;
}

/** Dice the server would refuse are not sent: the person reads the rule instead. */
function rollDice(rest: string): Command | null {
  if (!rest) return null;
  const dice = parseDice(rest);
  return dice ? { kind: "roll", dice } : { kind: "help", problem: `Usage: /roll DICE; ${DICE_RULE}; nothing was sent.` };
}

function newPersona(rest: string): Command | null {
  const [first, ...others] = rest.split(/\s+/);
  const name = unquote(others.join(" "));
  return first?.toLowerCase() === "new" && name ? { kind: "persona.new", name } : null;
}

function safeword(rest: string): Command | null {
  if (!rest) return { kind: "safeword", hours: null };
  return /^\d{1,3}$/.test(rest) && Number(rest) <= MAX_COOLING_OFF_HOURS ? { kind: "safeword", hours: Number(rest) } : null;
}

function timer(rest: string): Command | null {
  const found = TIMERS.find(([name]) => name === rest.toLowerCase());
  return found ? { kind: "timer", seconds: found[1] } : null;
}

function transcript(rest: string): Command | null {
  if (!rest) return { kind: "transcript", choice: null };
  const choice = TRANSCRIPT.find((known) => known === rest.toLowerCase());
  return choice ? { kind: "transcript", choice } : null;
}

/** A name, in quotes when it has spaces, then optionally the word `account`. */
function block(rest: string): Command | null {
  const account = / account$/i.test(rest);
  const name = unquote(account ? rest.slice(0, -" account".length) : rest);
  return name ? { kind: "block", name, scope: account ? "account" : "persona" } : null;
}

/** A name first, in quotes when it has spaces, then `topics=` and `safeword=` in any order, then the note, if any. */
function invite(typed: string): Command | null {
  const quoted = typed.startsWith("\"");
  const end = quoted ? typed.indexOf("\"", 1) : typed.search(/\s/);
  if (quoted && end < 0) return null;
  const name = (quoted ? typed.slice(1, end) : end < 0 ? typed : typed.slice(0, end)).trim();
  let rest = end < 0 ? "" : typed.slice(end + 1).trim();
  let topics: string[] = [];
  let word: string | null = null;
  for (let option = /^(topics|safeword)=(\S*)\s*/.exec(rest); option; option = /^(topics|safeword)=(\S*)\s*/.exec(rest)) {
    if (!option[2]) return null;
    if (option[1] === "topics") topics = option[2].toLowerCase().split(",").filter(Boolean);
    else word = option[2];
    rest = rest.slice(option[0].length);
  }
  return name ? { kind: "invite", name, note: rest, topics, safeword: word } : null;
}

/** Nothing (yours), `set TOPIC ANSWER`, `notes TEXT`, or a name to compare with. */
function boundaries(rest: string): Command | null {
  if (!rest) return { kind: "boundaries", name: null };
  const words = rest.split(/\s+/);
  if (words[0].toLowerCase() === "notes") return { kind: "boundary.notes", notes: rest.slice(words[0].length).trim() };
  if (words[0].toLowerCase() !== "set") return { kind: "boundaries", name: unquote(rest) };
  if (words.length !== 3) return null;
  const answer = words[2].toLowerCase();
  if (answer === "clear") return { kind: "boundary.set", topic: words[1].toLowerCase(), answer: null };
  return answer === "yes" || answer === "maybe" || answer === "no" ? { kind: "boundary.set", topic: words[1].toLowerCase(), answer } : null;
}

const CHOSEN: readonly Chosen[] = ["online", "looking", "away", "busy", "dnd"];

/** Nothing (show), a status with a line or none, `line TEXT`, or `clear`. */
function status(rest: string): Command | null {
  if (!rest) return { kind: "status", change: null };
  const [first, ...others] = rest.split(/\s+/);
  const word = first.toLowerCase();
  const line = rest.slice(first.length).trim();
  if (word === "clear" && others.length === 0) return { kind: "status", change: { line: "" } };
  if (word === "line") return line ? { kind: "status", change: { line } } : null;
  const chosen = CHOSEN.find((known) => known === word);
  return chosen ? { kind: "status", change: { status: chosen, line } } : null;
}

function typing(rest: string): Command | null {
  const word = rest.toLowerCase();
  return !word ? { kind: "typing", share: null } : word === "on" || word === "off" ? { kind: "typing", share: word === "on" } : null;
}

function report(rest: string): Command | null {
  const words = rest.split(/\s+/);
  if (words.length > 2 || !/^[1-9]\d?$/.test(words[0])) return null;
  const reason = (words[1] ?? "other").toLowerCase();
  return (REPORT_REASONS as readonly string[]).includes(reason) ? { kind: "report", number: Number(words[0]), reason } : null;
}

function moderate(rest: string): Command | null {
  const words = rest.toLowerCase().split(/\s+/);
  const action = DECISIONS.find((decision) => decision === words[1]);
  if (words.length < 2 || words.length > 3 || !/^[1-9]\d{0,3}$/.test(words[0]) || !action) return null;
  const timed = action === "mute" || action === "suspend";
  if (timed !== (words.length === 3) || (timed && !/^[1-9]\d{0,3}$/.test(words[2]))) return null;
  return { kind: "moderate", number: Number(words[0]), action, hours: timed ? Number(words[2]) : null };
}
