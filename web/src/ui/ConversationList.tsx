import { activity, newestFirst, shownCount } from "../app/activity";
import { channelKey, conversationKey, go, sceneKey, WORLD_KEY } from "../app/navigation";
import { myPersonaIn } from "../app/scenes";
import { invitations, notice, personas, role, rooms, scenes, speaker, view, worlds, type View } from "../app/state";
import { use } from "../app/tryst";
import { explain } from "./errors";
import { sceneName } from "./sceneName";
import { HeldNotice, StatusPicker } from "./Statuses";

/** One conversation of the list: where it leads and what it is called. */
interface Entry { key: string; kind: "channel" | "scene" | "world"; name: string; to: View }

/** The text world, as the persona in use, with the room it is in once it entered. */
function world(): Entry[] {
  if (!speaker.value) return [];
  const room = worlds.value.get(speaker.value.id)?.room;
  return [{ key: WORLD_KEY, kind: "world", name: room ? `World: ${room.name}` : "World", to: { kind: "world" } }];
}

/** The text world, the channels the persona in use is in and this device's scenes, newest activity first. */
function entries(): Entry[] {
  const all: Entry[] = [
    ...world(),
    ...[...rooms.value.keys()].sort().map((name): Entry => ({ key: channelKey(name), kind: "channel", name: `#${name}`, to: { kind: "channel", name } })),
    ...[...scenes.value.values()].map((scene): Entry => ({
      key: sceneKey(scene.id), kind: "scene", name: sceneName(scene, myPersonaIn(scene.id)?.id), to: { kind: "scene", id: scene.id },
    })),
  ];
  const byKey = new Map(all.map((entry) => [entry.key, entry]));
  return newestFirst(all.map((entry) => entry.key), activity.value).map((key) => byKey.get(key)!);
}

/**
 * The list of conversations with what is new in each (unread lines, and whether one names the
 * person), who the person speaks as, and the places beyond: channels, invitations, profile,
 * account. On a phone it is a page of its own (`asPage`), with its own heading.
 */
export function ConversationList({ asPage }: { asPage: boolean }) {
  const current = conversationKey(view.value);
  const list = entries();
  const waiting = invitations.value.received.length;
  return (
    <nav class="list" aria-label="Conversations">
      {asPage ? <h1 tabIndex={-1}>Conversations</h1> : <h2 class="sr-only">Conversations</h2>}
      <SpeakingAs />
      <HeldNotice />
      {list.length === 0
        ? <p class="muted empty">No conversations yet: create a persona, then join a channel or the world.</p>
        : (
          <ul class="conversations">
            {list.map((entry) => <Item key={entry.key} entry={entry} current={entry.key === current} />)}
          </ul>
        )}
      <ul class="places">
        <li><Place to={{ kind: "home" }}>Channels and personas</Place></li>
        <li><Place to={{ kind: "invitations" }}>Invitations{waiting > 0 && <span class="badge">{waiting}</span>}</Place></li>
        <li><Place to={{ kind: "board" }}>Board</Place></li>
        <li><Place to={{ kind: "looking" }}>Looking now</Place></li>
        {speaker.value && <li><Place to={{ kind: "persona", id: speaker.value.id }}>Profile of {speaker.value.name}</Place></li>}
        <li><Place to={{ kind: "account" }}>Account</Place></li>
        <li><Place to={{ kind: "limits" }}>Limits</Place></li>
        {role.value !== "member" && <li><Place to={{ kind: "moderation" }}>Moderation</Place></li>}
      </ul>
    </nav>
  );
}

function Item({ entry, current }: { entry: Entry; current: boolean }) {
  const news = activity.value.get(entry.key);
  const unread = news?.unread ?? 0;
  const mentions = news?.mentions ?? 0;
  return (
    <li>
      <button type="button" class={unread > 0 ? "conversation unread" : "conversation"} aria-current={current ? "page" : undefined}
        onClick={() => go(entry.to)}>
        {entry.kind === "scene" && <Lock />}
        <span class="name">{entry.name}</span>
        {unread > 0 && <span class="badge">{shownCount(unread)}<span class="sr-only"> unread</span></span>}
        {mentions > 0 && <span class="badge mention" title="Names you"><span aria-hidden="true">@</span><span class="sr-only">mentions you</span></span>}
      </button>
    </li>
  );
}

function Place({ to, children }: { to: View; children: preact.ComponentChildren }) {
  const here = view.value.kind === to.kind && (to.kind !== "persona" || (view.value.kind === "persona" && view.value.id === to.id));
  return <button type="button" class="place" aria-current={here ? "page" : undefined} onClick={() => go(to)}>{children}</button>;
}

/** Who the person speaks as in channels, among their personas, and the status that persona shows. */
function SpeakingAs() {
  if (personas.value.length === 0) return null;
  const choose = (id: string) => {
    const persona = personas.value.find((p) => p.id === id);
    if (persona) use(persona).catch((failure) => (notice.value = explain(failure)));
  };
  return (
    <div class="speaking-row">
      <label class="speaking">Speaking as
        <select value={speaker.value?.id ?? ""} onChange={(e) => choose(e.currentTarget.value)}>
          {personas.value.map((persona) => <option key={persona.id} value={persona.id}>{persona.name}</option>)}
        </select>
      </label>
      <StatusPicker />
    </div>
  );
}

/** The mark of an end-to-end encrypted scene. */
function Lock() {
  return (
    <svg class="lock" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z" fill="currentColor" />
    </svg>
  );
}
