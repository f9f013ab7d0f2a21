import { invitations, personas, role, rooms, scenes, speaker, view } from "../app/state";
import { myPersonaIn } from "../app/scenes";
import { sceneName } from "./SceneView";
import { use } from "../app/tryst";
import { explain } from "./errors";
import { notice } from "../app/state";

/** Who the person speaks as, their channels, and the way to their account. */
export function Sidebar() {
  const choose = (id: string) => {
    const persona = personas.value.find((p) => p.id === id);
    if (persona) use(persona).catch((failure) => (notice.value = explain(failure)));
  };
  return (
    <nav class="sidebar" aria-label="Places">
      {personas.value.length > 0 && (
        <label>Speaking as
          <select value={speaker.value?.id ?? ""} onChange={(e) => choose(e.currentTarget.value)}>
            {personas.value.map((persona) => <option key={persona.id} value={persona.id}>{persona.name}</option>)}
          </select>
        </label>
      )}
      <ul>
        <li><button type="button" class="link" onClick={() => (view.value = { kind: "home" })}>Channels and personas</button></li>
        {[...rooms.value.keys()].sort().map((name) => (
          <li key={name}>
            <button type="button" class="link" aria-current={view.value.kind === "channel" && view.value.name === name ? "page" : undefined}
              onClick={() => (view.value = { kind: "channel", name })}>#{name}</button>
          </li>
        ))}
        {[...scenes.value.values()].map((scene) => (
          <li key={scene.id}>
            <button type="button" class="link" aria-current={view.value.kind === "scene" && view.value.id === scene.id ? "page" : undefined}
              onClick={() => (view.value = { kind: "scene", id: scene.id })}>{sceneName(scene, myPersonaIn(scene.id)?.id)}</button>
          </li>
        ))}
        <li><button type="button" class="link" onClick={() => (view.value = { kind: "invitations" })}>
          Invitations{invitations.value.received.length > 0 && ` (${invitations.value.received.length})`}</button></li>
        {speaker.value && (
          <li><button type="button" class="link" onClick={() => (view.value = { kind: "persona", id: speaker.value!.id })}>
            Profile of {speaker.value.name}</button></li>
        )}
        <li><button type="button" class="link" onClick={() => (view.value = { kind: "account" })}>Account</button></li>
        {role.value !== "member" && (
          <li><button type="button" class="link" onClick={() => (view.value = { kind: "moderation" })}>Moderation</button></li>
        )}
      </ul>
    </nav>
  );
}
