import { useEffect, useState } from "preact/hooks";
import { go } from "../app/navigation";
import { channels, personas, rooms, speaker } from "../app/state";
import * as directory from "../app/directory";
import { createPersona, join } from "../app/tryst";
import { ViewHeader } from "./Bar";
import { EndedScenes } from "./EndedScenes";
import { explain, FITS, RULES } from "./errors";
import { upTo } from "./limits";
import { useNarrow } from "./media";
import { useStatus } from "./status";

/** The way in: creating personas, and the directory of channels to join or open. */
export function Home() {
  const narrow = useNarrow();
  const none = personas.value.length === 0;
  return (
    <>
      <ViewHeader narrow={narrow} title="Channels" />
      <div class="page home">
        <EndedScenes />
        {none && <p>You have no persona yet. Others will only ever see your personas, never your account.</p>}
        {speaker.value && <Directory />}
        <NewPersona first={none} />
      </div>
    </>
  );
}

function NewPersona({ first }: { first: boolean }) {
  const [name, setName] = useState("");
  const [summary, setSummary] = useState("");
  const [pronouns, setPronouns] = useState("");
  const [status, say] = useStatus();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!FITS.persona(name)) return say(RULES.persona, true);
    try {
      const persona = await createPersona(name, summary, pronouns);
      say(`You created ${persona.name}.`);
      setName(""); setSummary(""); setPronouns("");
    } catch (failure) {
      say(explain(failure, "persona"), true);
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="new-persona" class="card">
      <h2 id="new-persona">{first ? "Your first persona" : "New persona"}</h2>
      <label>Name<input name="persona-name" required value={name} aria-describedby="persona-rule" onInput={(e) => setName(e.currentTarget.value)} /></label>
      <p id="persona-rule" class="muted hint">{RULES.persona}</p>
      <label>Summary<input name="summary" value={summary} onInput={(e) => setSummary(upTo(200, e.currentTarget))} /></label>
      <label>Pronouns<input name="pronouns" value={pronouns} onInput={(e) => setPronouns(upTo(40, e.currentTarget))} /></label>
      <p class="buttons"><button type="submit">Create persona</button></p>
      {status}
    </form>
  );
}

/**
 * The public channels with their topics and member counts, live while on screen: channels opened,
 * changed and closed elsewhere show as the server tells of them. Joining one that does not exist opens it.
 */
function Directory() {
  const [name, setName] = useState("");
  const [status, say] = useStatus();
  useEffect(() => {
    void directory.show(true);
    return () => void directory.show(false);
  }, []);
  /** Goes to the channel, joining or opening it; false when that could not be done, and the status says why. */
  const open = async (channel: string): Promise<boolean> => {
    const wanted = channel.trim().replace(/^#/, "").toLowerCase();
    if (rooms.value.has(wanted)) {
      go({ kind: "channel", name: wanted });
      return true;
    }
    if (!FITS.channel(wanted)) {
      say(RULES.channel, true);
      return false;
    }
    try {
      await join(wanted);
      return true;
    } catch (failure) {
      say(explain(failure, "channel"), true);
      return false;
    }
  };
  const shown = channels.value.filter((channel) => channel.name.includes(name.trim().replace(/^#/, "").toLowerCase()));
  return (
    <section aria-labelledby="directory" class="card">
      <h2 id="directory">Find a channel</h2>
      <form class="inline" onSubmit={(e) => { e.preventDefault(); void open(name).then((done) => done && setName("")); }}>
        <label>Join or open a channel<input name="channel" required placeholder="lobby" value={name} aria-describedby="channel-rule"
          autocapitalize="none" onInput={(e) => setName(e.currentTarget.value)} /></label>
        <button type="submit">Join</button>
      </form>
      <p id="channel-rule" class="muted hint">Typing filters the list below; a name nobody uses yet opens a new channel. {RULES.channel}</p>
      {status}
      <h3>All channels</h3>
      {shown.length === 0 && <p class="muted">{channels.value.length === 0 ? "No channels yet: open the first." : "No channel by that name yet."}</p>}
      <ul class="directory">
        {shown.map((channel) => (
          <li key={channel.name}>
            <button type="button" class="link" onClick={() => open(channel.name)}>#{channel.name}</button>
            <span class="muted"> {channel.members === 1 ? "1 member" : `${channel.members} members`}{rooms.value.has(channel.name) && " · joined"}</span>
            {channel.topic && <span class="channel-topic">{channel.topic}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
