import { useEffect, useRef, useState } from "preact/hooks";
import type { Scene } from "../api/protocol";
import { notice, sceneEpochs, sceneLines, scenes, view } from "../app/state";
import { chooseTimer, invite, leave, myPersonaIn, renewKeys, report, safety, safeword, say } from "../app/scenes";
import { isSafeword } from "../app/consent";
import { ReportAction } from "./Report";
import { showPersona } from "../app/tryst";
import { topicList } from "./Boundaries";
import { explain } from "./errors";
import { useAsideToggle } from "./AsideToggle";
import { Compose, type Act } from "./Compose";
import { TranscriptPanel } from "./TranscriptPanel";
import { upTo } from "./limits";

const CHOICES: [number, string][] = [[300, "5 minutes"], [3600, "1 hour"], [86400, "24 hours"], [604800, "7 days"], [0, "never (keep)"]];
/** Cooling-off after the safeword, in hours: how long the others may not invite this persona again. */
const COOLING_OFF: [number, string][] = [[24, "24 hours (default)"], [0, "none"], [72, "3 days"], [168, "7 days"], [720, "30 days"]];
const timerName = (seconds: number) => CHOICES.find(([value]) => value === seconds)?.[1] ?? `${seconds} s`;
export const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** Who else is in a scene, as its name. */
export function sceneName(scene: Scene, mineId: string | undefined): string {
  const others = scene.members.filter((member) => member.id !== mineId).map((member) => member.name);
  return others.length === 0 ? "Private scene (nobody else yet)" : `Private scene with ${others.join(", ")}`;
}

/** A private scene: its lines, end to end encrypted, the disappearing timer, safety numbers, leaving. */
export function SceneView({ id }: { id: string }) {
  const scene = scenes.value.get(id);
  const me = myPersonaIn(id);
  const lines = sceneLines.value.get(id) ?? [];
  const [numbers, setNumbers] = useState<Record<string, string>>({});
  const [invitee, setInvitee] = useState("");
  const [note, setNote] = useState("");
  const [coolingOff, setCoolingOff] = useState(24);
  const aside = useAsideToggle("About this scene");
  const keys = sceneEpochs.value.get(id);
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => end.current?.scrollIntoView?.({ block: "end" }), [lines.length]);
  if (!scene || !me) return <p>You are not in that scene.</p>;

  const endScene = async (hours: number) => {
    await safeword(id, me, hours);
    view.value = { kind: "home" };
  };
  const act: Act<"scene"> = (line) => (line.kind === "safeword" ? endScene(line.hours ?? coolingOff) : say(id, line));
  const showSafety = async (other: string) => {
    try {
      setNumbers({ ...numbers, [other]: await safety(id, other) });
    } catch (failure) {
      notice.value = explain(failure);
    }
  };
  const others = scene.members.filter((member) => member.id !== me.id);
  const inviteHere = async (event: Event) => {
    event.preventDefault();
    try {
      const persona = await showPersona(invitee.trim());
      await invite(id, { id: me.id, name: me.name }, persona.id, note);
      notice.value = `You invited ${persona.name}. You will see when they accept.`;
      setInvitee(""); setNote("");
    } catch (failure) {
      notice.value = explain(failure);
    }
  };
  const pending = scene.timerChoices.filter((choice) => choice.seconds !== scene.timerSeconds);

  return (
    <div class={aside.open ? "channel scene aside-open" : "channel scene"}>
      <div class="title">
        <h2>{sceneName(scene, me.id)}</h2>
        <p class="topic">End-to-end encrypted · messages disappear after {timerName(scene.timerSeconds)}</p>
        <button type="button" onClick={() => leave(id, me).then(() => (view.value = { kind: "home" }), (f) => (notice.value = explain(f)))}>
          Leave this scene</button>
        <span class="safeword">
          <button type="button" class="danger" title="Ends the scene for everyone at once, with no question asked"
            onClick={() => endScene(coolingOff).catch((f) => (notice.value = explain(f)))}>
            Safeword</button>
          <label>and no invitations from them for
            <select value={String(coolingOff)} onChange={(e) => setCoolingOff(Number(e.currentTarget.value))}>
              {COOLING_OFF.map(([hours, name]) => <option key={hours} value={String(hours)}>{name}</option>)}
            </select>
          </label>
        </span>
        {aside.toggle}
        {scene.agreement && (
          <p class="agreement" aria-label="Agreement">
            Agreed by {scene.agreement.agreedBy.map((agreed) => agreed.persona.name).join(", ")}: {topicList(scene.agreement.topics)}.
            {" "}Safeword: <b>{scene.agreement.safeword}</b> (type it alone to end the scene for everyone at once).
          </p>
        )}
      </div>
      <ol class="lines" aria-live="polite" aria-label="Messages in this scene">
        {lines.map((line) => line.kind === "dropped"
          ? <li key={line.id} class="error">{line.text}</li>
          : (
            <li key={line.id} class={line.kind === "pose" ? "pose" : undefined}>
              {line.kind === "pose"
                ? <><time>{time(line.at)}</time> * {line.from?.name} {line.text}</>
                : <><time>{time(line.at)}</time> <b>{line.from?.name}</b>: {line.text}</>}
              {line.frank && <> <ReportAction who={line.from?.name ?? "someone"} send={(reason, note) => report(id, line, reason, note)} /></>}
            </li>
          ))}
        <li ref={end} aria-hidden="true" />
      </ol>
      <aside aria-label="About this scene">
        <h3>Here</h3>
        <ul>{scene.members.map((member) => <li key={member.id}>{member.name}{member.id === me.id && " (you)"}</li>)}</ul>
        <label>Messages disappear after
          <select value={String(scene.timerSeconds)}
            onChange={(e) => chooseTimer(id, me, Number(e.currentTarget.value)).catch((f) => (notice.value = explain(f)))}>
            {CHOICES.map(([value, name]) => <option key={value} value={String(value)}>{name}</option>)}
          </select>
        </label>
        {pending.map((choice) => (
          <p key={choice.persona} class="muted">
            {scene.members.find((m) => m.id === choice.persona)?.name} asks for {timerName(choice.seconds)}; it applies when everyone agrees.
          </p>
        ))}
        <TranscriptPanel scene={scene} me={{ id: me.id, name: me.name }} />
        <h3>Safety numbers</h3>
        {others.map((other) => (
          <div key={other.id}>
            <button type="button" class="link" onClick={() => showSafety(other.id)}>Safety number with {other.name}</button>
            {numbers[other.id] && <p class="safety" aria-label={`Safety number with ${other.name}`}>{numbers[other.id]}</p>}
          </div>
        ))}
        <p class="muted">Compare it with your partner by voice or face to face: the same digits mean nobody sits between you.</p>
        {keys && <p class="muted" aria-label="Scene keys">Keys of epoch {keys.epoch}: {keys.authenticator.slice(0, 16)}</p>}
        <button type="button" onClick={() => renewKeys(id).catch((f) => (notice.value = explain(f)))}>Renew keys</button>
        <form onSubmit={inviteHere}>
          <h3>Invite someone here</h3>
          <label>Persona name<input required value={invitee} onInput={(e) => setInvitee(e.currentTarget.value)} /></label>
          <label>Note<input value={note} onInput={(e) => setNote(upTo(300, e.currentTarget))} /></label>
          <p class="muted">{scene.agreement ? "The invitation proposes what this scene agreed to." : "The invitation proposes no topics, and the usual safeword."}</p>
          <button type="submit">Invite</button>
        </form>
      </aside>
      <Compose id="scene-compose" label="Message to this scene" place="scene" act={act} isSafewordWord={(line) => isSafeword(scene, line)}
        placeholder="Say something, or /me does something (end-to-end encrypted; /help for more)" />
    </div>
  );
}
