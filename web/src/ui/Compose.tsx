import { useRef, useState } from "preact/hooks";
import { commands, parse, type Asks, type Help, type Place } from "../app/commands";
import { notice } from "../app/state";
import { explain } from "./errors";
import { answered, EMPTY, refused, sent, typed } from "./draft";

/** What the message box hands on in a place: everything a line typed there can ask for that goes to the server. */
export type Act<P extends Place> = (line: Exclude<Asks[P], Help>) => Promise<void>;

interface Props<P extends Place> {
  id: string;
  label: string;
  placeholder: string;
  place: P;
  act: Act<P>;
  /** In a scene: whether a line is its agreement's safeword word. */
  isSafewordWord?: (line: string) => boolean;
}

/**
 * The line to type in under a channel's or a scene's lines. It empties as a line is sent, so that
 * the next one can be typed at once; a line the server refuses comes back. Commands it does not
 * know are never sent: it lists the ones it knows instead.
 */
export function Compose<P extends Place>({ id, label, placeholder, place, act, isSafewordWord }: Props<P>) {
  const [draft, setDraft] = useState(EMPTY);
  const [help, setHelp] = useState<Help | null>(null);
  const next = useRef(0);

  const submit = async (event: Event) => {
    event.preventDefault();
    const text = draft.text;
    if (!text.trim()) return;
    const line: Asks[P] = parse(text, place, isSafewordWord);
    if (line.kind === "help") {
      setHelp(line);
      if (line.problem === null) setDraft((current) => typed(current, ""));
      return;
    }
    setHelp(null);
    const seq = next.current++;
    setDraft((current) => sent(current, { seq, text }));
    try {
      await act(line as Exclude<Asks[P], Help>);
      setDraft((current) => answered(current, seq));
    } catch (failure) {
      setDraft((current) => refused(current, seq));
      notice.value = `${explain(failure)} What you wrote is back in the message box.`;
    }
  };

  return (
    <div class="compose">
      {help && (
        <div class="commands" role="status" aria-label="Commands">
          {help.problem && <p class="error">{help.problem}</p>}
          <ul>{commands(place).map((command) => <li key={command.usage}><code>{command.usage}</code> {command.description}</li>)}</ul>
          <p class="muted">Anything else is sent as you typed it. To send a line that starts with /, begin it with //.
            {" "}<button type="button" class="link" onClick={() => setHelp(null)}>Close</button></p>
        </div>
      )}
      <form onSubmit={submit}>
        <label class="sr-only" for={id}>{label}</label>
        <input id={id} autocomplete="off" placeholder={placeholder} value={draft.text} onInput={(e) => {
          const value = e.currentTarget.value;
          setDraft((current) => typed(current, value));
        }} />
        <button type="submit">Send</button>
      </form>
    </div>
  );
}
