import type { ArrivedHow, Author, DepartedHow, Looked, WorldLine } from "../api/protocol";
import type { Entry } from "../app/world";
import { personas } from "../app/state";
import { report } from "../app/worldSession";
import { time } from "./ChannelLine";
import { Formatted } from "./Formatted";
import { ReportAction } from "./Report";
import { StatusBadge } from "./Statuses";
import { RatingMark } from "./WorldRoom";

const isMine = (author: Author | undefined) => !!author && personas.value.some((persona) => persona.id === author.id);
/**
 * A persona as a line names it: "you" for the persona in the world. At the start of a sentence a
 * short description (a stranger, where the world uses recognition) takes a capital, as a name has one.
 */
const name = (author: Author, me: string, capital = false) =>
  author.id === me ? (capital ? "You" : "you") : capital ? subject(author) : author.name;
const subject = (author: Author) => (author.shown === "sdesc" ? author.name.charAt(0).toUpperCase() + author.name.slice(1) : author.name);

/** One item of the world's stream: a line, someone coming or going, an answer to a command, or a refusal in words. */
export function WorldEntry({ entry, me, send }: { entry: Entry; me: string; send: (line: string) => void }) {
  switch (entry.kind) {
    case "line": return <Line line={entry.line} me={me} />;
    case "room":
      return (
        <li class="world-room"><b class="room-name">{entry.room.name}</b> <RatingMark rating={entry.room.rating} />
          {entry.described && <>{"\n"}<Formatted text={entry.room.description ?? ""} /></>}</li>
      );
    case "arrived": return <li class="comings">{subject(entry.who)} {ARRIVED[entry.how](entry.via)}</li>;
    case "departed": return <li class="comings">{subject(entry.who)} {DEPARTED[entry.how](entry.via)}</li>;
    case "look": return <li class="answer"><Look target={entry.target} /></li>;
    case "who":
      return (
        <li class="answer">{entry.people.length === 0 ? "Nobody is in the world." : <>In the world:
          <ul>{entry.people.map((one) => (
            <li key={one.persona.id}>{one.persona.name} <StatusBadge status={one.status} line={one.statusLine} />{one.room && <> · {one.room}</>}</li>
          ))}</ul></>}</li>
      );
    case "inventory":
      return <li class="answer">{entry.things.length === 0 ? "You carry nothing." : `You carry ${list(entry.things.map((t) => t.name))}.`}</li>;
    case "help":
      return (
        <li class="answer help"><b>Help{entry.topic ? `: ${entry.topic}` : ""}</b>{"\n"}{entry.text}
          {entry.topics.length > 0 && <p class="topics">More help on: {entry.topics.map((topic) => (
            <button key={topic} type="button" class="link" onClick={() => send(`help ${topic}`)}>{topic}</button>
          ))}</p>}
        </li>
      );
    case "done": return <li class="answer">{entry.text}</li>;
    case "thing": {
      const s = entry.by.id === me ? "" : "s";
      const done = THING[entry.action]?.(s, entry.thing.name, entry.to && name(entry.to, me)) ?? `${entry.action} ${entry.thing.name}`;
      return <li class="comings">{name(entry.by, me, true)} {done}.</li>;
    }
    case "problem": return <li class="problem"><code>{entry.line}</code>: {entry.text}</li>;
  }
}

/**
 * A line said in the world. An emit is narration, drawn apart from what personas say and do, and
 * never without its author: named to screen readers, and shown on hover or focus (a tap on a phone).
 * Another persona's line with words in it can be reported.
 */
function Line({ line, me }: { line: WorldLine; me: string }) {
  // Speech reads "You say"; a pose is written to follow a name, so it keeps the persona's own.
  const who = <b class="who">{line.kind === "pose" || line.kind === "semipose" ? subject(line.author) : name(line.author, me, true)}</b>;
  const flag = line.author.id !== me && !isMine(line.author) && line.text !== undefined
    && <> <ReportAction who={line.author.name} send={(reason, note) => report(me, line, reason, note)} /></>;
  const text = <Formatted text={line.text ?? ""} />;
  const at = <><time>{time(line.at)}</time> </>;
  const mine = isMine(line.author) ? " mine" : "";
  switch (line.kind) {
    case "say": return <li class={`say${mine}`}>{at}{who} {line.author.id === me ? "say" : "says"}, “{text}”{flag}</li>;
    case "pose": return <li class={`pose${mine}`}>{at}{who} {text}{flag}</li>;
    case "semipose": return <li class={`pose${mine}`}>{at}{who}{text}{flag}</li>;
    case "emit":
      return (
        <li class={`emit${mine}`} tabIndex={0} title={`Narrated by ${line.author.name}`}>
          {at}<span class="sr-only">Narration by {line.author.name}: </span>{text}
          <span class="emit-by" aria-hidden="true"> — {line.author.name}</span>{flag}
        </li>
      );
    case "whisper": case "page": {
      const verb = line.kind === "whisper" ? "whisper" : "page";
      const to = line.to ? name(line.to, me) : "someone";
      const s = line.author.id === me ? "" : "s";
      if (line.text === undefined) return <li class={`private ${line.kind}`}>{at}{who} {verb}{s} something to {to}.</li>;
      return <li class={`private ${line.kind}${mine}`}>{at}{who} {verb}{s}{line.kind === "whisper" ? " to" : ""} {to}: “{text}”{flag}</li>;
    }
  }
}

/** What a look found: a persona's in-world description, a thing's, where an exit leads, or who narrated the room's emits. */
function Look({ target }: { target: Looked }) {
  switch (target.kind) {
    case "persona":
      return <><b>{target.name}</b>{target.pronouns && ` (${target.pronouns})`}{target.summary && ` — ${target.summary}`}
        {"\n"}{target.description ? <Formatted text={target.description} /> : <span class="muted">No description.</span>}</>;
    case "thing":
      return <><b>{target.name}</b>{"\n"}{target.description ? <Formatted text={target.description} /> : <span class="muted">Nothing special.</span>}</>;
    case "exit":
      return <><b>{target.name}</b> leads to {target.to}{target.rating && <> <RatingMark rating={target.rating} /></>}
        {target.description && <>{"\n"}<Formatted text={target.description} /></>}</>;
    case "emit":
      return <>{(target.lines ?? []).length === 0 ? "Nobody narrated here lately." : <>Narrated here lately:
        <ul>{target.lines!.map((line) => <li key={line.id}><b>{line.author.name}</b>: <Formatted text={line.text ?? ""} /></li>)}</ul></>}</>;
  }
}

/** Where someone came from, by the exit of this room that leads back there. */
const from = (via: string) => ({ up: "from above", down: "from below" }[via.toLowerCase()] ?? `from the ${via}`);

const ARRIVED: Record<ArrivedHow, (via?: string) => string> = {
  moved: (via) => (via ? `arrives ${from(via)}.` : "arrives."),
  entered: () => "enters the world.",
  connected: () => "is back.",
  home: () => "arrives, coming home.",
  joined: () => "is here.",
  moved_by_moderator: () => "was brought here by a moderator.",
  room_gone: () => "arrives: the room they were in is gone.",
};

const DEPARTED: Record<DepartedHow, (via?: string) => string> = {
  moved: (via) => (via ? `leaves ${via}.` : "leaves."),
  left: () => "leaves the world.",
  disconnected: () => "lost their connection.",
  home: () => "goes home.",
  gone: () => "is no longer here.",
  moved_by_moderator: () => "was moved elsewhere by a moderator.",
  room_gone: () => "goes elsewhere: this room is gone.",
};

/** What was done with a thing, the verb ending in `s` unless the person did it. */
const THING: Record<string, (s: string, thing: string, to?: string) => string> = {
  got: (s, thing) => `pick${s} up ${thing}`,
  dropped: (s, thing) => `drop${s} ${thing}`,
  gave: (s, thing, to) => `give${s} ${thing} to ${to ?? "someone"}`,
};

/** Names in a sentence: "a, b and c". */
function list(names: readonly string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
