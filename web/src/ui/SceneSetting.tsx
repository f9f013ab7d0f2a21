import type { Setting } from "../api/protocol";
import { Formatted } from "./Formatted";

/** Where a scene is set: the room it was made from, by name, with the room's description as it was then. */
export function SceneSetting({ setting }: { setting: Setting }) {
  return (
    <section class="scene-setting" aria-label={`Set in ${setting.name}`}>
      <p>Set in <b>{setting.name}</b></p>
      {setting.description && <div class="room-description"><Formatted text={setting.description} /></div>}
    </section>
  );
}
