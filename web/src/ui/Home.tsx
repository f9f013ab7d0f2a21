import { useState } from "preact/hooks";
import { channels, notice, personas, speaker } from "../app/state";
import { createPersona, join } from "../app/tryst";
import { EndedScenes } from "./EndedScenes";
import { explain } from "./errors";
import { upTo } from "./limits";

/** Creating personas, and finding or opening channels. */
export function Home() {
  return (
    <div class="home">
      <EndedScenes />
      {personas.value.length === 0 && <p>You have no persona yet. Others will only ever see your personas, never your account.</p>}
      <NewPersona />
      {speaker.value && <Channels />}
    </div>
  );
}

function NewPersona() {
  const [name, setName] = useState("");
  const [summary, setSummary] = useState("");
  const [pronouns, setPronouns] = useState("");
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const persona = await createPersona(name, summary, pronouns);
      notice.value = `You created ${persona.name}.`;
      setName(""); setSummary(""); setPronouns("");
    } catch (failure) {
      notice.value = explain(failure);
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="new-persona">
      <h2 id="new-persona">New persona</h2>
      <label>Name<input name="persona-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>
      <label>Summary<input name="summary" value={summary} onInput={(e) => setSummary(upTo(200, e.currentTarget))} /></label>
      <label>Pronouns<input name="pronouns" value={pronouns} onInput={(e) => setPronouns(upTo(40, e.currentTarget))} /></label>
      <button type="submit">Create persona</button>
    </form>
  );
}

function Channels() {
  const [name, setName] = useState("");
  const open = async (channel: string) => {
    try {
      await join(channel);
    } catch (failure) {
      notice.value = explain(failure);
    }
  };
  return (
    <section aria-labelledby="channels">
      <h2 id="channels">Channels</h2>
      <ul class="channels">
        {channels.value.map((channel) => (
          <li key={channel.name}>
            <button type="button" class="link" onClick={() => open(channel.name)}>#{channel.name}</button>
            <span class="muted"> {channel.members}{channel.topic && ` · ${channel.topic}`}</span>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => { e.preventDefault(); open(name.replace(/^#/, "")); setName(""); }}>
        <label>Join or open a channel<input name="channel" required placeholder="lobby" value={name}
          onInput={(e) => setName(e.currentTarget.value)} /></label>
        <button type="submit">Join</button>
      </form>
    </section>
  );
}
