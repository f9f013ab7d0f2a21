import { useState } from "preact/hooks";
import type { Author, Scene } from "../api/protocol";
import { invite } from "../app/invitations";
import { chooseTimer, leave, renewKeys } from "../app/scenes";
import { notice, personas, sceneEpochs } from "../app/state";
import { showPersona } from "../app/tryst";
import { Avatar } from "./Avatar";
import { topicList } from "./Boundaries";
import { explain } from "./errors";
import { upTo } from "./limits";
import { useStatus } from "./status";
import { TranscriptPanel } from "./TranscriptPanel";
import { SafetyNumbers, VerifiedMark } from "./Verification";

const CHOICES: [number, string][] = [[300, "5 minutes"], [3600, "1 hour"], [86400, "24 hours"], [604800, "7 days"], [0, "never (keep)"]];
/** Cooling-off after the safeword, in hours: how long the others may not invite this persona again. */
const COOLING_OFF: [number, string][] = [[24, "24 hours (default)"], [0, "none"], [72, "3 days"], [168, "7 days"], [720, "30 days"]];

/** A disappearing timer, in words. */
export const timerName = (seconds: number) => CHOICES.find(([value]) => value === seconds)?.[1] ?? `${seconds} s`;

/** What a scene is beyond its lines: who is in it, what they agreed, how it ends and disappears, who keeps it, and how to check the keys. */
export function SceneDetails({ scene, me, coolingOff, setCoolingOff, narrow, endScene }: {
  scene: Scene; me: Author; coolingOff: number; setCoolingOff: (hours: number) => void; narrow: boolean; endScene: () => void;
}) {
  const keys = sceneEpochs.value.get(scene.id);
  const pending = scene.timerChoices.filter((choice) => choice.seconds !== scene.timerSeconds);
  return (
    <div class="scene-details">
      <h2 class={narrow ? "sr-only" : undefined}>Here</h2>
      <ul class="members">{scene.members.map((member) => (
        <li key={member.id}><Avatar persona={member} size="member" />{member.name}{member.id === me.id ? " (you)"
          : <VerifiedMark mine={me.id} partner={member.id} name={member.name} word />}</li>
      ))}</ul>
      {scene.agreement && (
        <p class="agreement-detail">Agreed: {topicList(scene.agreement.topics)}. Safeword: <b>{scene.agreement.safeword}</b>.</p>
      )}
      <label>No invitations from them after the safeword for
        <select value={String(coolingOff)} onChange={(e) => setCoolingOff(Number(e.currentTarget.value))}>
          {COOLING_OFF.map(([hours, name]) => <option key={hours} value={String(hours)}>{name}</option>)}
        </select>
      </label>
      {/* The sheet covers the header's Safeword: it is here too, as close as ever. */}
      {narrow && <p class="buttons"><button type="button" class="danger" onClick={endScene}>Safeword</button></p>}
      <label>Messages disappear after
        <select value={String(scene.timerSeconds)}
          onChange={(e) => chooseTimer(scene.id, me, Number(e.currentTarget.value)).catch((f) => (notice.value = explain(f)))}>
          {CHOICES.map(([value, name]) => <option key={value} value={String(value)}>{name}</option>)}
        </select>
      </label>
      {pending.map((choice) => (
        <p key={choice.persona} class="muted">
          {scene.members.find((m) => m.id === choice.persona)?.name} asks for {timerName(choice.seconds)}; it applies when everyone agrees.
        </p>
      ))}
      <TranscriptPanel scene={scene} me={me} />
      <SafetyNumbers scene={scene} me={me} />
      {keys && <p class="muted" aria-label="Scene keys">Keys of epoch {keys.epoch}: {keys.authenticator.slice(0, 16)}</p>}
      <p class="buttons"><button type="button" onClick={() => renewKeys(scene.id).catch((f) => (notice.value = explain(f)))}>Renew keys</button></p>
      <InviteHere scene={scene} me={me} />
      <p class="buttons">
        <button type="button" onClick={() => leave(scene.id, me).catch((f) => (notice.value = explain(f)))}>
          Leave this scene</button>
      </p>
    </div>
  );
}

function InviteHere({ scene, me }: { scene: Scene; me: Author }) {
  const [invitee, setInvitee] = useState("");
  const [note, setNote] = useState("");
  const [status, say] = useStatus();
  const send = async (event: Event) => {
    event.preventDefault();
    try {
      const persona = await showPersona(invitee.trim());
      const from = personas.value.find((mine) => mine.id === me.id) ?? { id: me.id, name: me.name };
      await invite(scene.id, from, persona.id, note);
      say(`You invited ${persona.name}. You will see when they accept.`);
      setInvitee(""); setNote("");
    } catch (failure) {
      say(explain(failure), true);
    }
  };
  return (
    <form onSubmit={send} aria-labelledby="invite-here">
      <h2 id="invite-here">Invite someone here</h2>
      <label>Persona name<input required value={invitee} onInput={(e) => setInvitee(e.currentTarget.value)} /></label>
      <label>Note<input value={note} onInput={(e) => setNote(upTo(300, e.currentTarget))} /></label>
      <p class="muted">{scene.agreement ? "The invitation proposes what this scene agreed to." : "The invitation proposes no topics, and the usual safeword."}</p>
      <p class="buttons"><button type="submit">Invite</button></p>
      {status}
    </form>
  );
}
