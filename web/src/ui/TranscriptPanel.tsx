import type { Author, Scene } from "../api/protocol";
import { consentToTranscript, exportTranscript } from "../app/scenes";
import { notice } from "../app/state";
import { transcriptFileName, type TranscriptChoice } from "../app/transcript";
import { download } from "./download";
import { explain } from "./errors";

/**
 * Whether a scene's transcript may be kept: nobody keeps one unless someone asks and everyone
 * agrees; then each member may export a copy marked as theirs.
 */
export function TranscriptPanel({ scene, me }: { scene: Scene; me: Author }) {
  const transcript = scene.transcript ?? null;
  const choose = (choice: TranscriptChoice) => consentToTranscript(scene.id, me, choice).catch((f) => (notice.value = explain(f)));
  const save = async () => {
    try {
      const text = await exportTranscript(scene.id, me);
      download(text, transcriptFileName(Date.now()));
      notice.value = "Your copy of the transcript is saved. It is marked as yours: if it is shared, it can be traced to you.";
    } catch (failure) {
      notice.value = explain(failure);
    }
  };
  const answer = (id: string, you: boolean) => transcript?.agreed.includes(id) ? (you ? "agree" : "agrees")
    : transcript?.refused.includes(id) ? (you ? "refuse" : "refuses") : (you ? "have not answered" : "has not answered");

  return (
    <section aria-label="Transcript">
      <h2>Transcript</h2>
      {!transcript && <>
        <p class="muted">Nobody keeps a transcript of this scene. If you ask and everyone agrees, each of you may save a copy
          marked as theirs.</p>
        <button type="button" onClick={() => choose("ask")}>Ask to keep a transcript</button>
      </>}
      {transcript && <>
        <p>{transcript.requestedBy.id === me.id ? "You" : transcript.requestedBy.name} asked to keep a transcript of this scene.</p>
        <ul aria-label="Answers about the transcript">
          {scene.members.map((member) => <li key={member.id}>
            {member.id === me.id ? "You" : member.name} {answer(member.id, member.id === me.id)}</li>)}
        </ul>
        {!transcript.agreed.includes(me.id) && <button type="button" onClick={() => choose("agree")}>Agree to keep a transcript</button>}
        {!transcript.refused.includes(me.id) && <button type="button" onClick={() => choose("refuse")}>Refuse</button>}
        {(transcript.agreed.includes(me.id) || transcript.refused.includes(me.id) || transcript.requestedBy.id === me.id) &&
          <button type="button" onClick={() => choose("withdraw")}>
            {transcript.requestedBy.id === me.id ? "Withdraw the request" : "Withdraw my answer"}</button>}
        {transcript.allowed
          ? <button type="button" onClick={save}>Export transcript</button>
          : <p class="muted">Nobody can save a copy until everyone agrees.</p>}
      </>}
      <details>
        <summary>How kept transcripts work</summary>
        <p class="muted">Each copy is made on its owner's device from what it still shows; the server never sees the text. Export
          needs everyone's yes, and anyone joining or leaving asks everyone again. Every copy names its owner and hides a mark in
          every line, so a copy or excerpt shared elsewhere can be traced to whoever exported it. A photo of the screen,
          retyped words, or a tool that strips invisible characters carry no mark.</p>
      </details>
    </section>
  );
}
