import { useRef, useState } from "preact/hooks";
import { WORLD_KEY } from "../app/navigation";
import { speaksInWorld } from "../app/typing";
import { complete, completed, cycle, newer, NO_HISTORY, older, remember, type Completion } from "../app/worldInput";
import { TypingLine, useTypist } from "./Typing";

/**
 * The world's command line: Enter sends, up and down bring back the lines sent, and Tab completes
 * the name being typed from `names` (pressed again, the next that fits). Where nothing fits, Tab
 * moves the focus on as it always does.
 */
export function WorldPrompt({ names, send, typing }: {
  names: readonly string[]; send: (line: string) => void; typing: (typing: boolean) => void;
}) {
  const [text, setText] = useState("");
  const history = useRef(NO_HISTORY);
  const completion = useRef<Completion | null>(null);
  const box = useRef<HTMLInputElement>(null);
  const typist = useTypist(typing);
  const change = (value: string) => {
    setText(value);
    typist.input(value, speaksInWorld(value));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const line = text.trim();
    if (!line) return;
    history.current = remember(history.current, line);
    completion.current = null;
    setText("");
    typist.stop();
    send(line);
  };

  const keyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    if (event.key === "Tab" && !event.shiftKey) {
      const going = completion.current && completed(completion.current) === text ? cycle(completion.current) : complete(text, names);
      if (!going) return;
      event.preventDefault();
      completion.current = going;
      change(completed(going));
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      const moved = (event.key === "ArrowUp" ? older : newer)(history.current, text);
      history.current = moved.history;
      change(moved.text);
      requestAnimationFrame(() => box.current?.setSelectionRange(moved.text.length, moved.text.length));
    }
  };

  return (
    <div class="compose world-prompt">
      <form onSubmit={submit}>
        <label class="sr-only" for="world-command">World command</label>
        <input id="world-command" ref={box} type="text" autocomplete="off" autocapitalize="none" spellcheck={false} enterkeyhint="send"
          placeholder="look, north, say hello, :waves, help" value={text} aria-describedby="world-command-keys"
          onKeyDown={keyDown} onInput={(event) => change(event.currentTarget.value)} />
        <span id="world-command-keys" class="sr-only">
          Enter sends; up and down bring back the lines you sent; Tab completes the names of who and what is here and of the exits.
        </span>
        <button type="submit">Send</button>
      </form>
      <TypingLine place={WORLD_KEY} />
    </div>
  );
}
