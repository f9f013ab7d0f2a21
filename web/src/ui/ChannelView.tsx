import { useEffect, useRef, useState } from "preact/hooks";
import type { ChannelMessage } from "../api/protocol";
import { connection, notice, personas, rooms, view } from "../app/state";
import { leave, older, reportChannel, say, setTopic } from "../app/tryst";
import { ReportAction } from "./Report";
import { explain } from "./errors";
import { useAsideToggle } from "./AsideToggle";
import { Compose, type Act } from "./Compose";

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** One line of a channel: said, or posed (/me); another persona's line can be reported. */
export function Line({ message }: { message: ChannelMessage }) {
  const mine = personas.value.some((persona) => persona.id === message.persona.id);
  const report = !mine && <> <ReportAction who={message.persona.name} send={(reason, note) => reportChannel(message, reason, note)} /></>;
  return message.kind === "pose"
    ? <li class="pose"><time>{time(message.at)}</time> * {message.persona.name} {message.text}{report}</li>
    : <li><time>{time(message.at)}</time> <b>{message.persona.name}</b>: {message.text}{report}</li>;
}

/** A public channel: its topic, its lines, who is there, and the line to type in. */
export function ChannelView({ name }: { name: string }) {
  const room = rooms.value.get(name);
  const [more, setMore] = useState(true);
  const aside = useAsideToggle("Who is here");
  const end = useRef<HTMLLIElement>(null);
  // Follows new lines at the bottom; loading older ones above leaves the view where it is.
  useEffect(() => end.current?.scrollIntoView?.({ block: "end" }), [room?.messages.at(-1)?.id]);
  if (!room) return <p>You are not in #{name}.</p>;
  // Presence is only as fresh as the socket: while it is down, nobody is shown as online.
  const live = connection.value === "open";

  const act: Act<"channel"> = (line) => say(name, line);
  const changeTopic = async () => {
    const topic = prompt("New topic", room.topic);
    if (topic !== null) await setTopic(name, topic).catch((failure) => (notice.value = explain(failure)));
  };

  return (
    <div class={aside.open ? "channel aside-open" : "channel"}>
      <div class="title">
        <h2>#{name}</h2>
        <p class="topic">{room.topic || "No topic"} <button type="button" class="link" onClick={changeTopic}>Change topic</button></p>
        <button type="button" onClick={() => leave(name).catch((failure) => (notice.value = explain(failure)))}>Leave #{name}</button>
        {aside.toggle}
      </div>
      <ol class="lines" aria-live="polite" aria-label={`Messages in #${name}`}>
        {more && room.messages.length > 0 && (
          <li><button type="button" class="link" onClick={() => older(name).then(setMore, (f) => (notice.value = explain(f)))}>
            Show older messages</button></li>
        )}
        {room.messages.map((message) => <Line key={message.id} message={message} />)}
        <li ref={end} aria-hidden="true" />
      </ol>
      <aside aria-label="Members">
        <h3>Here</h3>
        {!live && <p class="muted">Offline: who is here now is not known until the connection is back.</p>}
        <ul>{room.members.map((member) => (
          <li key={member.id}>
            <button type="button" class="link" onClick={() => (view.value = { kind: "persona", id: member.id })}>{member.name}</button>
            {live && <span class={`presence ${member.status}`}> {member.status}</span>}{member.owner && " (owner)"}
          </li>
        ))}</ul>
      </aside>
      <Compose id="compose" label={`Message to #${name}`} place="channel" act={act}
        placeholder="Say something, or /me does something (/help for more)" />
    </div>
  );
}
