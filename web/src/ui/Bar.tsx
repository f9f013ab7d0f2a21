import { activity, shownCount } from "../app/activity";
import { lockNow, lockSetting } from "../app/lock";
import { go } from "../app/navigation";
import { connection } from "../app/state";
import { panic } from "./panic";
import { StatusPicker } from "./Statuses";

const STATES = { connecting: "Connecting…", open: "Connected", offline: "Offline, reconnecting…" } as const;

/** How the connection is; on a phone, only while it is not open. */
export function ConnectionState({ onlyWhenDown = false }: { onlyWhenDown?: boolean }) {
  if (onlyWhenDown && connection.value === "open") return null;
  return <span class={`state ${connection.value}${onlyWhenDown ? " banner" : ""}`} role="status">{STATES[connection.value]}</span>;
}

/** Hides the page at once; Escape pressed twice does the same from anywhere. */
export function HideButton() {
  return (
    <>
      {lockSetting.value && <button type="button" class="lock-now" onClick={lockNow} title="Lock now: the PIN opens it again">Lock</button>}
      <button type="button" class="hide" onClick={panic} title="Hide this page at once (or press Escape twice)">Hide</button>
    </>
  );
}

/** On a phone, the way from a view back to the list of conversations, with how much is unread there. */
export function BackButton() {
  const unread = [...activity.value.values()].reduce((sum, one) => sum + one.unread, 0);
  return (
    <button type="button" class="back" onClick={() => go({ kind: "conversations" })}>
      <span aria-hidden="true">‹</span><span class="sr-only">Conversations</span>
      {unread > 0 && <span class="badge">{shownCount(unread)}<span class="sr-only"> unread</span></span>}
    </button>
  );
}

/**
 * The top of every view: on a phone the way back, the title (the view's one h1, which takes the
 * focus when the view opens), what the view offers most, and the Hide button.
 */
export function ViewHeader({ title, sub, narrow, children }: {
  title: preact.ComponentChildren; sub?: preact.ComponentChildren; narrow: boolean; children?: preact.ComponentChildren;
}) {
  return (
    <header class="view-head">
      {narrow && <BackButton />}
      <div class="titles">
        <h1 tabIndex={-1}>{title}</h1>
        {sub && <p class="sub">{sub}</p>}
      </div>
      {children && <div class="actions">{children}</div>}
      {narrow && <StatusPicker small />}
      {narrow && <HideButton />}
    </header>
  );
}
