import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { LeaveDialog } from "./Formatted";

/** How close to the bottom, in pixels, still counts as following the newest lines. */
const FOLLOWING_PX = 48;

/**
 * The lines of a conversation, scrolling within their pane. While the person is at the bottom, new
 * lines (and a pane shrinking as a phone's keyboard opens) keep the newest in view; once they
 * scrolled up to read, new lines wait below, with a button that says so and takes them there.
 * The question before following a link of a line is asked here, outside the lines that are read
 * out as they arrive.
 */
export function Lines({ label, newest, seen, children }: {
  label: string; newest: string | undefined;
  /** Told the newest line's id whenever it is in view: at the bottom as it comes, or scrolled to. */
  seen?: (newest: string) => void;
  children: preact.ComponentChildren;
}) {
  const pane = useRef<HTMLOListElement>(null);
  const following = useRef(true);
  const [below, setBelow] = useState(false);
  const toBottom = () => {
    const box = pane.current;
    if (box) box.scrollTop = box.scrollHeight;
  };
  useLayoutEffect(() => {
    if (following.current) {
      toBottom();
      if (newest) seen?.(newest);
    } else {
      setBelow(true);
    }
  }, [newest]);
  useLayoutEffect(() => {
    const box = pane.current;
    if (!box || typeof ResizeObserver === "undefined") return;
    const resized = new ResizeObserver(() => { if (following.current) toBottom(); });
    resized.observe(box);
    return () => resized.disconnect();
  }, []);
  const scrolled = () => {
    const box = pane.current!;
    following.current = box.scrollHeight - box.scrollTop - box.clientHeight < FOLLOWING_PX;
    if (following.current) {
      setBelow(false);
      if (newest) seen?.(newest);
    }
  };
  return (
    <div class="lines-pane">
      <ol class="lines" ref={pane} onScroll={scrolled} aria-label={label} aria-live="polite" aria-relevant="additions" tabIndex={0}>{children}</ol>
      {below && (
        <button type="button" class="newer" onClick={() => { following.current = true; setBelow(false); toBottom(); }}>
          New messages below</button>
      )}
      <LeaveDialog />
    </div>
  );
}

/** Where the lines not seen before begin. */
export function NewMarker() {
  return <li class="new-marker"><span>New</span></li>;
}
