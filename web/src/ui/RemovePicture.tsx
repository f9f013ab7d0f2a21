import { useState } from "preact/hooks";
import type { Persona } from "../api/protocol";
import { moderate } from "../app/tryst";
import { explain } from "./errors";
import { upTo } from "./limits";
import { useStatus } from "./status";

/**
 * For moderators on another persona's profile with a picture: removing it, with a reason for the
 * audit log; once removed, it says so until the person goes elsewhere.
 */
export function RemovePicture({ persona, removed }: { persona: Persona; removed: () => void }) {
  const [reason, setReason] = useState("");
  const [done, setDone] = useState(false);
  const [status, say] = useStatus();
  const remove = async (event: Event) => {
    event.preventDefault();
    try {
      await moderate({ action: "remove-avatar", target: persona.id, reason: reason.trim() });
      setDone(true);
      removed();
    } catch (failure) {
      say(explain(failure), true);
    }
  };
  if (!persona.avatar) return done ? <p class="status" role="status">{persona.name}'s picture is removed. It is in the audit log.</p> : null;
  return (
    <form class="card" aria-labelledby="moderate-picture" onSubmit={remove}>
      <h2 id="moderate-picture">Moderation</h2>
      <label>Reason for removing the picture<input value={reason} required onInput={(e) => setReason(upTo(1000, e.currentTarget))} /></label>
      <p class="buttons"><button type="submit" class="danger">Remove {persona.name}'s picture</button></p>
      {status}
    </form>
  );
}
