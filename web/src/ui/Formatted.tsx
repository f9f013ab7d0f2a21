import { signal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { namedAt } from "../app/activity";
import { parse, plainText, type Piece } from "../app/markup";

/**
 * A line's text with its formatting (app/markup.ts), drawn as Preact elements and text nodes only:
 * whatever the author typed is text, never HTML, so no tag or attribute of theirs reaches the page
 * (and the server's Content-Security-Policy would refuse an inline script besides). The text is
 * isolated from what surrounds it (`bdi`), so a right-to-left override inside cannot turn the name
 * before it or the actions after it around. The names given are marked where they stand as words.
 */
export function Formatted({ text, marks = [] }: { text: string; marks?: readonly string[] }) {
  const pieces = useMemo(() => parse(text), [text]);
  const key = marks.join("\n");
  const found = useMemo(() => (marks.length > 0 ? namedAt(plainText(pieces), marks) : []), [pieces, key]);
  return <bdi class="formatted">{draw(pieces, 0, found, false)}</bdi>;
}

/** The elements of some pieces whose plain text starts at `start`; inert ones (a hidden spoiler's) hold no live link or spoiler. */
function draw(pieces: readonly Piece[], start: number, found: readonly [number, number][], inert: boolean): ComponentChildren[] {
  let at = start;
  return pieces.map((piece) => {
    const from = at;
    if (piece.kind === "text") {
      at += piece.text.length;
      return marked(piece.text, from, found);
    }
    at += plainText(piece.children).length;
    const inner = () => draw(piece.children, from, found, inert);
    switch (piece.kind) {
      case "bold": return <strong>{inner()}</strong>;
      case "italic": return <em>{inner()}</em>;
      case "underline": return <u>{inner()}</u>;
      case "strike": return <s>{inner()}</s>;
      case "spoiler": return inert ? <span class="spoiler">{inner()}</span> : <Spoiler content={(hidden) => draw(piece.children, from, found, hidden)} />;
      case "link": return inert ? <span class="out">{inner()}</span> : <OutLink href={piece.href}>{inner()}</OutLink>;
    }
  });
}

/** A run of text with the names in it marked. */
function marked(text: string, start: number, found: readonly [number, number][]): ComponentChildren {
  const end = start + text.length;
  const parts: ComponentChildren[] = [];
  let at = start;
  for (const [from, to] of found) {
    if (to <= at || from >= end) continue;
    const a = Math.max(from, at), b = Math.min(to, end);
    if (a > at) parts.push(text.slice(at - start, a - start));
    parts.push(<mark>{text.slice(a - start, b - start)}</mark>);
    at = b;
  }
  if (parts.length === 0) return text;
  if (at < end) parts.push(text.slice(at - start));
  return parts;
}

/**
 * A spoiler: hidden until the person shows it, by click, tap, Enter or Space. While hidden its
 * text is neither shown, nor read out, nor found, and a link in it is no link; shown, it keeps
 * the focus where the button was, so that a screen reader reads it next.
 */
function Spoiler({ content }: { content: (hidden: boolean) => ComponentChildren }) {
  const [shown, setShown] = useState(false);
  const revealed = useRef<HTMLSpanElement>(null);
  const byButton = useRef(false);
  useLayoutEffect(() => {
    if (shown && byButton.current) revealed.current?.focus();
  }, [shown]);
  if (shown) return <span class="spoiler shown" tabIndex={-1} ref={revealed}>{content(false)}</span>;
  const show = (event: Event) => {
    event.preventDefault();
    byButton.current = document.activeElement === event.currentTarget;
    setShown(true);
  };
  return (
    <span class="spoiler" role="button" tabIndex={0} aria-label="Spoiler, hidden: show it" onClick={show}
      onKeyDown={(event) => { if (event.key === "Enter" || event.key === " ") show(event); }}>
      <span class="hidden" aria-hidden="true">{content(true)}</span>
    </span>
  );
}

/** The link a person chose to follow, waiting for them to confirm, and what to give the focus back to. */
export const leaving = signal<{ url: URL; from: HTMLElement | null } | null>(null);

/**
 * A link in a line. It has its real address (hovering shows it), opens in a new tab without telling
 * the other site where it came from, and is followed only after the person saw where it leads.
 */
function OutLink({ href, children }: { href: string; children: ComponentChildren }) {
  const ask = (event: MouseEvent) => {
    event.preventDefault();
    leaving.value = { url: new URL(href), from: event.currentTarget as HTMLElement };
  };
  return (
    <a class="out" href={href} target="_blank" rel="noopener noreferrer" onClick={ask}
      onAuxClick={(event) => { if (event.button === 1) ask(event); }}>{children}</a>
  );
}

/**
 * The question before leaving: the whole address as the browser reads it, its host emphasised
 * (a look-alike host shows as the browser spells it, `xn--…`), whether the way there is encrypted,
 * and the two ways on. Staying is where the focus starts.
 */
export function LeaveDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const going = leaving.value;
  useEffect(() => {
    const box = dialog.current;
    if (!box) return;
    if (going && !box.open) box.showModal();
    if (!going && box.open) box.close();
  }, [going]);
  // A conversation that goes away (a safeword, a panic) takes its question with it.
  useEffect(() => () => { leaving.value = null; }, []);
  const close = () => {
    const from = leaving.value?.from;
    leaving.value = null;
    from?.focus();
  };
  const host = going?.url.host ?? "";
  const origin = going ? `${going.url.protocol}//${host}` : "";
  const address = !going ? null : going.url.href.startsWith(origin)
    ? <>{`${going.url.protocol}//`}<strong>{host}</strong>{going.url.href.slice(origin.length)}</>
    : going.url.href;
  return (
    <dialog ref={dialog} class="leaving" aria-labelledby="leaving-title" onClose={close} data-view={going ? "leaving" : undefined}>
      {going && <>
        <h2 id="leaving-title">Leave for {host}?</h2>
        <p>This link leaves Notes for another site, in a new tab. That site learns your IP address, though not where you came from:</p>
        <p class="address">{address}</p>
        {going.url.protocol === "http:" && <p class="error">The way there is not encrypted: others on the network can see and change what it sends.</p>}
        <p class="buttons">
          <a class="button" href={going.url.href} target="_blank" rel="noopener noreferrer" onClick={close}>Open {host}</a>
          <button type="button" autofocus onClick={close}>Stay here</button>
        </p>
      </>}
    </dialog>
  );
}
