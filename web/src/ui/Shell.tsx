import { useEffect, useRef } from "preact/hooks";
import { conversationKey, go } from "../app/navigation";
import { rooms, scenes, view, type View } from "../app/state";
import { AccountView } from "./AccountView";
import { BoardView } from "./BoardView";
import { ChannelView } from "./ChannelView";
import { ConnectionState, HideButton } from "./Bar";
import { ConversationList } from "./ConversationList";
import { Home } from "./Home";
import { InvitationsView } from "./InvitationsView";
import { LimitsView } from "./Limits";
import { LookingView } from "./LookingView";
import { useNarrow } from "./media";
import { ModerationView } from "./ModerationView";
import { Notifications } from "./Notifications";
import { PersonaView } from "./PersonaView";
import { SceneView } from "./SceneView";
import { WorldView } from "./WorldView";

/**
 * The app once logged in: the list of conversations beside what the person looks at, as Element's
 * and Discord's sidebars are. On a phone one pane shows at a time: the list, or the view with a way
 * back to it, each the full height of the screen above the keyboard.
 */
export function Shell() {
  const narrow = useNarrow();
  const current = view.value;
  const listOnly = narrow && current.kind === "conversations";
  useFocusOnNavigation(current, narrow);
  // A phone opens on the list of conversations, once there are any.
  useEffect(() => {
    if (narrow && current.kind === "home" && (rooms.value.size > 0 || scenes.value.size > 0)) go({ kind: "conversations" });
  }, []);
  return (
    <div class={listOnly ? "shell show-list" : "shell show-view"}>
      <header class="bar">
        <span class="brand">Notes</span>
        <ConnectionState />
        <HideButton />
      </header>
      {listOnly
        ? <main class="list-page" data-view="conversations"><ConversationList asPage /></main>
        : <>
          <ConversationList asPage={false} />
          <main class="view" data-view={current.kind}>
            {narrow && <ConnectionState onlyWhenDown />}
            <Current shown={current} />
          </main>
        </>}
      <Notifications />
    </div>
  );
}

function Current({ shown }: { shown: View }) {
  switch (shown.kind) {
    case "channel": return <ChannelView key={shown.name} name={shown.name} />;
    case "scene": return <SceneView key={shown.id} id={shown.id} />;
    case "persona": return <PersonaView key={shown.id} id={shown.id} name={shown.name} setIn={shown.setIn} propose={shown.propose} />;
    case "world": return <WorldView />;
    case "invitations": return <InvitationsView />;
    case "board": return <BoardView />;
    case "looking": return <LookingView />;
    case "account": return <AccountView />;
    case "limits": return <LimitsView />;
    case "moderation": return <ModerationView />;
    case "conversations": case "home": return <Home />;
  }
}

/**
 * Moves the focus to what was opened, so that a keyboard or screen reader follows the person:
 * on a wide screen into a conversation's message box, ready to type; otherwise to the view's
 * heading (on a phone the keyboard would otherwise open over a conversation just entered).
 */
function useFocusOnNavigation(current: View, narrow: boolean) {
  const first = useRef(true);
  const key = JSON.stringify(current);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const box = !narrow && conversationKey(current) ? document.querySelector<HTMLElement>("main .compose textarea, main .compose input") : null;
    (box ?? document.querySelector<HTMLElement>("main h1, nav h1"))?.focus({ preventScroll: true });
  }, [key]);
}
