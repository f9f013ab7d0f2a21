import { useEffect } from "preact/hooks";
import { connection, moderatorNotices, notice, view } from "../app/state";
import { AccountView } from "./AccountView";
import { ChannelView } from "./ChannelView";
import { Home } from "./Home";
import { ModerationView } from "./ModerationView";
import { InvitationsView } from "./InvitationsView";
import { panic } from "./panic";
import { PersonaView } from "./PersonaView";
import { SceneView } from "./SceneView";
import { Sidebar } from "./Sidebar";

/** A notice stays this long, long enough to read twice, then gives its place back. */
const NOTICE_MS = 8_000;
const STATES = { connecting: "Connecting…", open: "Connected", offline: "Offline, reconnecting…" } as const;

/** The app once logged in: navigation beside (or above, on a phone) what the person is looking at. */
export function Main() {
  const current = view.value;
  const shown = notice.value;
  useEffect(() => {
    if (!shown) return;
    const fade = setTimeout(() => { if (notice.value === shown) notice.value = null; }, NOTICE_MS);
    return () => clearTimeout(fade);
  }, [shown]);
  return (
    <div class="main">
      <header>
        <span class="brand">Notes</span>
        <span class={`state ${connection.value}`} role="status" aria-live="polite">{STATES[connection.value]}</span>
        <button type="button" class="hide" onClick={panic} title="Hide this page at once (or press Escape twice)">Hide</button>
      </header>
      <Sidebar />
      <section class="content">
        <ModeratorNotices />
        {notice.value && (
          <p class="notice" role="status">{notice.value}
            <button type="button" class="link" onClick={() => (notice.value = null)} aria-label="Dismiss">×</button></p>
        )}
        {current.kind === "channel" && <ChannelView key={current.name} name={current.name} />}
        {current.kind === "persona" && <PersonaView id={current.id} />}
        {current.kind === "scene" && <SceneView key={current.id} id={current.id} />}
        {current.kind === "invitations" && <InvitationsView />}
        {current.kind === "account" && <AccountView />}
        {current.kind === "home" && <Home />}
        {current.kind === "moderation" && <ModerationView />}
      </section>
    </div>
  );
}

/** The moderators' warnings and mutes, which stay until read: they are sent once and are not kept anywhere else. */
function ModeratorNotices() {
  const told = moderatorNotices.value;
  if (told.length === 0) return null;
  const dismiss = (at: number) => (moderatorNotices.value = moderatorNotices.value.filter((one) => one.at !== at));
  return (
    <div class="moderator-notices" role="alert" aria-label="From the moderators">
      {told.map((one) => (
        <p class="notice moderator" key={one.at}>{one.text}
          <button type="button" onClick={() => dismiss(one.at)}>I have read this</button></p>
      ))}
    </div>
  );
}
