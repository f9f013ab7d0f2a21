import { useEffect, useRef, useState } from "preact/hooks";
import type { Chosen, Presence } from "../api/protocol";
import { ownPersonaChanged, speaker } from "../app/state";
import { CHOSEN, holdsInvitations, MAX_STATUS_LINE, setStatus, STATUS_MEANINGS, STATUS_NAMES, statusLine } from "../app/statuses";
import { explain } from "./errors";
import "./statuses.css";

/**
 * A status as a coloured dot with its name beside it, and the status line after it when there is
 * one: the name is always there to read (colour alone tells nothing to many), `compact` only
 * narrows the type.
 */
export function StatusBadge({ status, line, compact = false }: { status: Presence; line?: string; compact?: boolean }) {
  return (
    <span class={`status-badge ${status}${compact ? " compact" : ""}${line ? " with-line" : ""}`}>
      <StatusDot status={status} />
      <span class="status-name">{STATUS_NAMES[status] ?? status}</span>
      {line && <span class="status-line" title={line}><span class="sr-only">: </span>{line}</span>}
    </span>
  );
}

/** The dot alone, for where its name is said beside it. */
export function StatusDot({ status }: { status: Presence }) {
  return <span class={`status-dot ${status}`} aria-hidden="true" />;
}

/**
 * The persona in use's status, in the shell: its dot and name (on a phone, `small`, the dot alone
 * but for do not disturb, which always says so, since invitations then wait without a word). It
 * opens the picker: a tap on a status chooses it at once; the status line is saved with its own button.
 */
export function StatusPicker({ small = false }: { small?: boolean }) {
  const me = speaker.value;
  const [open, setOpen] = useState(false);
  const [line, setLine] = useState(me?.statusLine ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const [place, setPlace] = useState<{ top: number; left: number; width: number } | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const toggle = () => {
    if (open) {
      setOpen(false);
      return;
    }
    // The menu floats over everything, below its button and within the window, whatever scrolls or clips around the button.
    const at = button.current!.getBoundingClientRect();
    const width = Math.min(336, window.innerWidth - 16);
    setPlace({ top: at.bottom + 6, left: Math.max(8, Math.min(at.left, window.innerWidth - width - 8)), width });
    setLine(speaker.value?.statusLine ?? "");
    setProblem(null);
    setOpen(true);
  };
  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("[aria-checked=true], button")?.focus();
    const away = (event: Event) => {
      if (panel.current?.contains(event.target as Node) || button.current?.contains(event.target as Node)) return;
      setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      // Escape closes the menu and still counts towards the double Escape that hides the page.
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", away);
    document.addEventListener("keydown", escape, true);
    return () => {
      document.removeEventListener("pointerdown", away);
      document.removeEventListener("keydown", escape, true);
    };
  }, [open]);
  if (!me) return null;
  const chosen: Chosen = me.status && me.status !== "offline" ? me.status : "online";
  const choose = async (status: Chosen, text: string, close: boolean) => {
    try {
      ownPersonaChanged(await setStatus(me.id, status, text));
      setProblem(null);
      if (close) {
        setOpen(false);
        button.current?.focus();
      }
    } catch (failure) {
      setProblem(explain(failure));
    }
  };
  const held = holdsInvitations(me);
  // Up and down move between the choices, as in any group of radio buttons.
  const arrows = (event: KeyboardEvent) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const choices = [...panel.current!.querySelectorAll<HTMLElement>("[role=radio]")];
    const at = choices.indexOf(document.activeElement as HTMLElement);
    choices[(at + (event.key === "ArrowDown" ? 1 : choices.length - 1)) % choices.length]?.focus();
  };
  return (
    <div class="status-picker">
      <button type="button" ref={button} class={`status-button ${chosen}${small ? " small" : ""}`} aria-expanded={open}
        aria-haspopup="dialog" onClick={toggle} title={me.statusLine || undefined}>
        <StatusDot status={chosen} />
        <span class={small && !held ? "sr-only" : "status-name"}>
          <span class="sr-only">Your status: </span>{small && held ? "DND" : STATUS_NAMES[chosen]}
        </span>
      </button>
      {open && (
        <div class="status-menu" role="dialog" aria-label={`Status of ${me.name}`} ref={panel}
          style={place ? { top: `${place.top}px`, left: `${place.left}px`, width: `${place.width}px` } : { visibility: "hidden" }}>
          <p class="status-menu-title">{me.name} shows as</p>
          <div role="radiogroup" aria-label="Status" class="status-choices" onKeyDown={arrows}>
            {CHOSEN.map((status) => (
              <button key={status} type="button" role="radio" aria-checked={status === chosen} class="status-choice"
                onClick={() => choose(status, line, true)}>
                <StatusDot status={status} />
                <span><b>{STATUS_NAMES[status]}</b><small>{STATUS_MEANINGS[status]}</small></span>
              </button>
            ))}
          </div>
          <form class="status-line-form" onSubmit={(event) => { event.preventDefault(); void choose(chosen, line, true); }}>
            <label for="status-line">Status line <span class="muted">(anyone can see it)</span></label>
            <div class="status-line-row">
              <input id="status-line" value={line} maxLength={MAX_STATUS_LINE} placeholder="What you are up for"
                onInput={(event) => setLine(statusLine(event.currentTarget.value))} />
              <button type="submit">Save</button>
            </div>
            <p class="muted small">{line.length}/{MAX_STATUS_LINE}
              {me.statusLine && <> · <button type="button" class="link" onClick={() => { setLine(""); void choose(chosen, "", false); }}>
                Clear the line</button></>}</p>
          </form>
          {problem && <p class="status error" role="status">{problem}</p>}
        </div>
      )}
    </div>
  );
}

/** While the persona in use is do not disturb, the shell says what that holds back, and how to end it. */
export function HeldNotice() {
  const me = speaker.value;
  if (!holdsInvitations(me)) return null;
  return (
    <p class="held-notice" role="status">
      <StatusDot status="dnd" /> <span><b>Do not disturb</b>: invitations to {me!.name} wait in Invitations, without a notification,
        until you choose another status.</span>
    </p>
  );
}
