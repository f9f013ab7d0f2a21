import { useRef, useState } from "preact/hooks";
import type { Persona } from "../api/protocol";
import { Refused } from "../api/socket";
import { setPicture } from "../app/tryst";
import { Avatar } from "./Avatar";
import { encodePicture } from "./encodePicture";
import { explain } from "./errors";
import { useStatus } from "./status";

/** A refusal of a picture in the server's own words, which say the rule it broke. */
function refusal(failure: unknown): string {
  if (failure instanceof Refused && failure.code === "invalid_message") return `The server refused that picture: ${failure.message}.`;
  return explain(failure);
}

/**
 * One's own persona's picture: chosen from the device, made small enough here (encodePicture),
 * sent, and shown as the server kept it; or removed.
 */
export function PictureEditor({ persona }: { persona: Persona }) {
  const [busy, setBusy] = useState(false);
  const [status, say] = useStatus();
  const chooser = useRef<HTMLInputElement>(null);
  const change = async (picture: () => Promise<string | null>, done: string) => {
    setBusy(true);
    try {
      await setPicture(persona.id, await picture());
      say(done);
      // Removing takes away the button that had the focus; choosing a picture is what is left to do.
      chooser.current?.focus();
    } catch (failure) {
      say(refusal(failure), true);
    } finally {
      setBusy(false);
    }
  };
  const chosen = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Emptied, so that choosing the same file again after a refusal is a change too.
    input.value = "";
    // Left enabled while a picture is sent, so that the focus can stay on it; a second choice meanwhile is ignored.
    if (file && !busy) void change(() => encodePicture(file), `${persona.name}'s picture is saved. Others see it beside ${persona.name}.`);
  };
  return (
    <section class="card picture" aria-labelledby="picture-title">
      <h2 id="picture-title">Picture</h2>
      <div class="picture-row">
        <Avatar persona={persona} size="profile" />
        <div>
          <p class="buttons">
            <label class={busy ? "file-button busy" : "file-button"}>
              {persona.avatar ? "Choose another picture" : "Choose a picture"}
              <input ref={chooser} type="file" accept="image/*" class="sr-only" aria-disabled={busy} aria-describedby="picture-rule"
                onChange={(event) => chosen(event.currentTarget)} />
            </label>
            {persona.avatar && (
              <button type="button" disabled={busy} onClick={() => change(async () => null, `${persona.name} has no picture now.`)}>
                Remove picture</button>
            )}
          </p>
          <p id="picture-rule" class="muted hint">Its middle square is kept, 256 pixels wide. Only its pixels reach the server: not where, when or with what it was taken.</p>
        </div>
      </div>
      {status}
    </section>
  );
}
