import { useEffect, useRef, useState } from "preact/hooks";
import { commands, completions, parse, type Usage, type Where } from "../app/commands";
import { answered, changeDraft, draftOf, refused, sent, typed } from "../app/draft";
import { typing as sceneTyping } from "../app/scenes";
import { notice, role, speaker } from "../app/state";
import { speaksInConversation } from "../app/typing";
import { sendTyping } from "../app/typingSession";
import { explain } from "./errors";
import { run, type Here } from "./run";
import { TypingLine, useTypist } from "./Typing";

interface Props {
  /** The conversation whose message box this is: its draft is kept by this key. */
  conversation: string;
  id: string;
  label: string;
  placeholder: string;
  here: Here;
  /** In a scene: whether a line is its agreement's safeword word. */
  isSafewordWord?: (line: string) => boolean;
}

/** What shows above the box: the commands (/help, or a line that is no command), or what a command answered. */
type Panel = { help: boolean; problem: string | null; lines: readonly string[] };

/** Numbers the lines sent from every box, so that an answer finds its line whichever box it left. */
let sequence = 0;

/**
 * The message box under a conversation's lines. Enter sends and Shift+Enter starts a new line. It
 * empties as a line is sent, so that the next is typed at once; a line the server refuses comes
 * back to the front of its conversation's box, even after the person went elsewhere. A `/` opens
 * the palette of commands, the same as `./tryst chat`'s; Tab or Enter completes one. A line that
 * looks like a command but is none is never sent: the box says so and keeps it.
 */
export function Compose({ conversation, id, label, placeholder, here, isSafewordWord }: Props) {
  const draft = draftOf(conversation);
  const where: Where = { place: here.kind, moderator: role.value !== "member" };
  const [panel, setPanel] = useState<Panel | null>(null);
  const [choice, setChoice] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);
  const offered = dismissed === draft.text ? [] : completions(draft.text, where);
  const typist = useTypist((typing) => {
    if (here.kind === "scene") sceneTyping(here.id, typing);
    else if (speaker.value) sendTyping({ kind: "channel", persona: speaker.value.id, channel: here.name }, typing);
  });
  const active = Math.min(choice, offered.length - 1);

  const complete = (command: Usage) => {
    changeDraft(conversation, (current) => typed(current, command.usage === command.name ? command.name : `${command.name} `));
    setChoice(0);
    box.current?.focus();
  };

  const submit = async () => {
    const text = draftOf(conversation).text;
    if (!text.trim()) return;
    const command = parse(text, where, isSafewordWord);
    if (command.kind === "help") {
      setPanel({ help: true, problem: command.problem, lines: [] });
      if (command.problem === null) changeDraft(conversation, (current) => typed(current, ""));
      return;
    }
    setPanel(null);
    typist.stop();
    const seq = sequence++;
    changeDraft(conversation, (current) => sent(current, { seq, text }));
    try {
      const said = await run(command, here);
      changeDraft(conversation, (current) => answered(current, seq));
      if (said.length > 0 && mounted.current) setPanel({ help: false, problem: null, lines: said });
    } catch (failure) {
      changeDraft(conversation, (current) => refused(current, seq));
      const why = `${explain(failure)} What you wrote is back in the message box.`;
      if (mounted.current) setPanel({ help: false, problem: why, lines: [] });
      else notice.value = why;
    }
  };

  const keyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    if (offered.length > 0) {
      const chosen = offered[active];
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setChoice((active + (event.key === "ArrowDown" ? 1 : offered.length - 1)) % offered.length);
        return;
      }
      if (event.key === "Escape") {
        setDismissed(draft.text);
        return;
      }
      if ((event.key === "Tab" && !event.shiftKey) || (event.key === "Enter" && !event.shiftKey && draft.text.trim().toLowerCase() !== chosen.name)) {
        event.preventDefault();
        complete(chosen);
        return;
      }
    }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <div class="compose">
      {panel && <Said panel={panel} where={where} close={() => setPanel(null)} />}
      {offered.length > 0 && (
        <ul class="palette" id={`${id}-palette`} role="listbox" aria-label="Commands" data-view="palette">
          {offered.map((command, index) => (
            <li key={command.name} id={`${id}-option-${index}`} role="option" aria-selected={index === active}
              onMouseDown={(event) => { event.preventDefault(); complete(command); }}>
              <code>{command.usage}</code> <span class="muted">{command.description}</span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <label class="sr-only" for={id}>{label}</label>
        <textarea id={id} ref={box} rows={1} autocomplete="off" enterkeyhint="send" placeholder={placeholder} value={draft.text}
          aria-describedby={`${id}-keys`} aria-autocomplete="list" aria-controls={offered.length > 0 ? `${id}-palette` : undefined}
          aria-activedescendant={offered.length > 0 ? `${id}-option-${active}` : undefined}
          onKeyDown={keyDown}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setChoice(0);
            changeDraft(conversation, (current) => typed(current, value));
            typist.input(value, speaksInConversation(value));
          }} />
        <span id={`${id}-keys`} class="sr-only">Enter sends; Shift and Enter start a new line; a slash starts a command.</span>
        <button type="submit">Send</button>
      </form>
      <TypingLine place={conversation} />
    </div>
  );
}

/** The commands, or a command's answer, shown to the person only, above the box. */
function Said({ panel, where, close }: { panel: Panel; where: Where; close: () => void }) {
  return (
    <div class="said" role="status" aria-label={panel.help ? "Commands" : "Answer"} data-view={panel.help ? "commands" : undefined}>
      {panel.problem && <p class="error">{panel.problem}</p>}
      {panel.lines.map((line, index) => <p key={index}>{line}</p>)}
      {panel.help && <>
        <ul>{commands(where).map((command) => <li key={command.name}><code>{command.usage}</code> {command.description}</li>)}</ul>
        <p class="muted">Anything else is sent as you typed it. To send a line that starts with /, begin it with //.</p>
        <p class="muted">Formatting, in Markdown or BBCode alike: <code>**bold**</code> <code>*italic*</code> <code>~~struck~~</code>{" "}
          <code>||spoiler||</code> <code>[label](https://…)</code>, or <code>[b]</code> <code>[i]</code> <code>[u]</code> <code>[s]</code>{" "}
          <code>[spoiler]</code> <code>[url=https://…]</code>.</p>
      </>}
      <button type="button" class="link" onClick={close}>Close</button>
    </div>
  );
}
