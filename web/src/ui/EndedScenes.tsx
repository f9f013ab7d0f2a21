import { useState } from "preact/hooks";
import { endedScenes, forgetEnded, type EndedScene } from "../app/state";
import { report } from "../app/scenes";
import { ReportAction } from "./Report";
import { time } from "./ChannelLine";

/**
 * Scenes that ended (safeword) with lines that can still be reported: one offer each, which lists
 * the lines only when the person asks, so that nothing of the scene comes back on screen unasked.
 */
export function EndedScenes() {
  if (endedScenes.value.size === 0) return null;
  return (
    <section aria-labelledby="ended-scenes">
      <h2 id="ended-scenes">Ended scenes</h2>
      <p class="muted">Their lines are gone from the screen. What a report needs stays in this page's memory only, until you log out,
        hide the page or close it, or the lines' timers run out.</p>
      {[...endedScenes.value.values()].map((ended) => <Ended key={ended.id} ended={ended} />)}
    </section>
  );
}

function Ended({ ended }: { ended: EndedScene }) {
  const [open, setOpen] = useState(false);
  const from = ended.with.length > 0 ? ` with ${ended.with.join(", ")}` : "";
  if (!open) {
    return <p><button type="button" onClick={() => setOpen(true)}>Report something from the ended scene{from}</button></p>;
  }
  return (
    <div class="ended">
      <h3>Choose the line to report from the ended scene{from}</h3>
      <ol class="lines" aria-label={`Lines of the ended scene${from}`}>
        {ended.lines.map((line) => (
          <li key={line.id} class={line.kind === "pose" ? "pose" : undefined}>
            {line.kind === "pose"
              ? <><time>{time(line.at)}</time> * {line.from?.name} {line.text}</>
              : <><time>{time(line.at)}</time> <b>{line.from?.name}</b>: {line.text}</>}
            {" "}<ReportAction who={line.from?.name ?? "someone"} send={(reason, note) => report(ended.id, line, reason, note)} />
          </li>
        ))}
      </ol>
      <button type="button" class="link" onClick={() => setOpen(false)}>Close</button>
      {" "}<button type="button" class="link" onClick={() => forgetEnded(ended.id)}>Forget these lines now</button>
    </div>
  );
}
