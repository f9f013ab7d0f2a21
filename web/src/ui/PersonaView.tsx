import { useEffect, useRef, useState } from "preact/hooks";
import type { Boundaries, Persona } from "../api/protocol";
import { boundariesOf, catalogue, compare } from "../app/consent";
import { go } from "../app/navigation";
import { inviteIntoNewScene } from "../app/invitations";
import { notice, personas, role, rooms, speaker } from "../app/state";
import { changeBlocks, showPersona, updatePersona } from "../app/tryst";
import { Avatar } from "./Avatar";
import { ViewHeader } from "./Bar";
import { BoundariesEditor, SideBySide } from "./Boundaries";
import { explain } from "./errors";
import { Formatted } from "./Formatted";
import { upTo } from "./limits";
import { useNarrow } from "./media";
import { PictureEditor } from "./PictureEditor";
import { RemovePicture } from "./RemovePicture";
import { useStatus } from "./status";
import { StatusBadge } from "./Statuses";
import { statusOf } from "../app/statuses";

/** The world room a scene is to be set in: its id and name. */
type SetIn = { room: string; name: string };
/**
 * A persona's profile, found by id (with its name when the person came by name); one of the person's
 * own can be edited here. `setIn`: the world room an invitation from here sets its scene in, the form in view;
 * `propose`: the topics the invitation starts out proposing (a board ad's), the form in view.
 */
export function PersonaView({ id, name, setIn, propose }: { id: string; name?: string; setIn?: SetIn; propose?: string[] }) {
  const narrow = useNarrow();
  const own = personas.value.find((persona) => persona.id === id);
  const [other, setOther] = useState<Persona | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const known = name ?? [...rooms.value.values()].flatMap((room) => room.members).find((member) => member.id === id)?.name;
  const load = () => {
    if (known) showPersona(known).then(setOther, (failure) => setFailed(explain(failure)));
    else setFailed("That persona is not in any of your channels; /boundaries NAME finds one by name.");
  };
  useEffect(() => {
    if (!own) load();
  }, [id]);
  const persona = own ?? other;
  if (!persona) return <ViewHeader narrow={narrow} title="Profile" sub={failed ?? "Loading the profile…"} />;
  return (
    <>
      <ViewHeader narrow={narrow} title={persona.name} sub={own ? "Your persona" : persona.pronouns} />
      <div class="page profile">{own ? <EditPersona persona={own} /> : <Profile persona={persona} reload={load} setIn={setIn} propose={propose} />}</div>
    </>
  );
}

/**
 * Another persona's profile: their picture and summary, their boundaries beside the speaker's, an
 * invitation that proposes topics with the flags shown live, and for moderators, removing the picture.
 */
function Profile({ persona, reload, setIn, propose }: { persona: Persona; reload: () => void; setIn?: SetIn; propose?: string[] }) {
  const [note, setNote] = useState("");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (setIn || propose) form.current?.scrollIntoView({ block: "start" });
  }, []);
  const [theirs, setTheirs] = useState<Boundaries | null>(null);
  const [mine, setMine] = useState<Boundaries | null>(null);
  const [chosen, setChosen] = useState<string[]>(propose ?? []);
  const [word, setWord] = useState(catalogue.value.defaultSafeword);
  const [status, say] = useStatus();
  const me = speaker.value;
  const shows = statusOf(persona.id, persona);
  useEffect(() => {
    boundariesOf(persona.id).then(setTheirs, (f) => (notice.value = explain(f)));
    if (me) boundariesOf(me.id).then(setMine, (f) => (notice.value = explain(f)));
  }, [persona.id, me?.id]);
  const toggle = (topic: string) => setChosen(chosen.includes(topic) ? chosen.filter((t) => t !== topic) : [...chosen, topic]);
  const rows = compare(catalogue.value.topics, mine?.answers ?? {}, theirs?.answers ?? {}, chosen, true);
  const invite = async (event: Event) => {
    event.preventDefault();
    const from = speaker.value;
    if (!from) return;
    try {
      const scene = await inviteIntoNewScene(from, persona.id, note, { topics: chosen, safeword: word.trim() }, setIn?.room);
      go({ kind: "scene", id: scene.id });
      notice.value = `You invited ${persona.name} into a private scene. You will see when they accept.`;
    } catch (failure) {
      say(explain(failure), true);
    }
  };
  return (
    <article>
      <div class="identity">
        <Avatar persona={persona} size="profile" />
        <div>
          {shows && <p class="profile-status"><StatusBadge status={shows.status} line={shows.statusLine} /></p>}
          {persona.summary && <p>{persona.summary}</p>}
          {persona.description && <p class="description"><Formatted text={persona.description} /></p>}
        </div>
      </div>
      {role.value !== "member" && <RemovePicture persona={persona} removed={reload} />}
      {theirs?.notes && <p><b>{persona.name}'s boundary notes:</b> {theirs.notes}</p>}
      {me && (
        <form onSubmit={invite} class="card" aria-labelledby="invite-title" ref={form}>
          <h2 id="invite-title">Invite {persona.name}</h2>
          {setIn && <p class="scene-setting-note">The scene is set in <b>{setIn.name}</b>, where you both are: {persona.name} sees
            the room with the invitation.</p>}
          <h3>Boundaries side by side</h3>
          <SideBySide rows={rows} from={`You (${me.name})`} to={persona.name} invitee={persona.name} propose={{ chosen, toggle }} />
          <label>Safeword word for the scene<input required value={word} onInput={(e) => setWord(upTo(32, e.currentTarget))} /></label>
          <label>A note with your invitation<input value={note} onInput={(e) => setNote(upTo(300, e.currentTarget))}
            placeholder="A walk by the sea?" /></label>
          <p class="buttons"><button type="submit">Invite {persona.name} into a private scene</button></p>
          {status}
          <p class="muted">Notes are not encrypted; what you say in the scene is.</p>
        </form>
      )}
      <Keep persona={persona} />
    </article>
  );
}

/** What each choice does, said before it is done; the other side is never told. */
const CONFIRM = {
  persona: (name: string) => `Block ${name}? For all your personas: you and ${name} no longer see each other in channels, `
    + `neither hears the other, and ${name} cannot invite you or join your scenes. ${name} is not told. `
    + `Scenes you already share are not changed: leave them or use the safeword. You can unblock on your account page.`,
  account: (name: string) => `Block everyone behind ${name}? The same as blocking ${name}, for every persona the same person `
    + `has or will make; nobody learns who they are. They are not told. You can unblock on your account page.`,
  mute: (name: string) => `Mute ${name}? You will not see ${name}'s lines in channels or invitations, on any of your devices. `
    + `${name} still sees you and is not told. You can unmute on your account page.`,
};

/** Block (the persona, or everyone behind it) and mute, each after a confirmation. */
function Keep({ persona }: { persona: Persona }) {
  const [status, say] = useStatus();
  const act = async (choice: keyof typeof CONFIRM) => {
    if (!confirm(CONFIRM[choice](persona.name))) return;
    try {
      if (choice === "mute") await changeBlocks("mute", persona.id);
      else await changeBlocks("block", persona.id, choice);
      say(choice === "mute" ? `You muted ${persona.name}.` : `You blocked ${persona.name}. They are not told.`);
    } catch (failure) {
      say(explain(failure), true);
    }
  };
  return (
    <section class="card" aria-labelledby="keep-away">
      <h2 id="keep-away">Keep away</h2>
      <p class="buttons">
        <button type="button" onClick={() => act("persona")}>Block {persona.name}</button>
        <button type="button" onClick={() => act("account")}>Block everyone behind {persona.name}</button>
        <button type="button" onClick={() => act("mute")}>Mute {persona.name}</button>
      </p>
      {status}
    </section>
  );
}

function EditPersona({ persona }: { persona: Persona }) {
  const [summary, setSummary] = useState(persona.summary ?? "");
  const [description, setDescription] = useState(persona.description ?? "");
  const [pronouns, setPronouns] = useState(persona.pronouns ?? "");
  const [status, say] = useStatus();
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await updatePersona(persona.id, summary, description, pronouns);
      say(`${persona.name} is saved.`);
    } catch (failure) {
      say(explain(failure), true);
    }
  };
  return (
    <>
      <PictureEditor persona={persona} />
      <form onSubmit={save} class="card" aria-labelledby="about-persona">
        <h2 id="about-persona">About {persona.name}</h2>
        <label>Pronouns<input value={pronouns} onInput={(e) => setPronouns(upTo(40, e.currentTarget))} /></label>
        <label>Summary<input value={summary} onInput={(e) => setSummary(upTo(200, e.currentTarget))} /></label>
        <label>Description<textarea rows={8} value={description} onInput={(e) => setDescription(upTo(8000, e.currentTarget))} /></label>
        <p class="buttons"><button type="submit">Save</button></p>
        {status}
      </form>
      <BoundariesEditor persona={persona} />
    </>
  );
}
