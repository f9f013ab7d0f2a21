import { useState } from "preact/hooks";
import type { ChannelMessage } from "../api/protocol";
import { continues, type Spoken } from "../app/grouping";
import { channelKey, go, newSince } from "../app/navigation";
import { connection, notice, rooms } from "../app/state";
import { startsDay } from "../app/days";
import { leave, older, seen, setTopic } from "../app/tryst";
import { Avatar } from "./Avatar";
import { ViewHeader } from "./Bar";
import { Line } from "./ChannelLine";
import { DayHeading } from "./Days";
import { Compose } from "./Compose";
import { useDetails } from "./Details";
import { explain } from "./errors";
import { Lines, NewMarker } from "./Lines";
import { useNarrow } from "./media";
import { StatusBadge } from "./Statuses";

/** What grouping looks at in a channel's line. */
const spoken = (message: ChannelMessage | undefined): Spoken | undefined => message && { author: message.persona.id, kind: message.kind, at: message.at };

/** A public channel: its topic, its lines, who is there (beside them, or on a phone in a sheet), and the line to type in. */
export function ChannelView({ name }: { name: string }) {
  const narrow = useNarrow();
  const room = rooms.value.get(name);
  const [more, setMore] = useState(true);
  const details = useDetails(narrow, "Who is here", <>Who is here{room && <span class="count">({room.members.length})</span>}</>);
  if (!room) return <ViewHeader narrow={narrow} title={`#${name}`} sub="You are not in this channel." />;
  // Presence is only as fresh as the socket: while it is down, nobody is shown as online.
  const live = connection.value === "open";
  const marker = newSince.value;
  const changeTopic = async () => {
    const topic = prompt("New topic", room.topic);
    if (topic !== null) await setTopic(name, topic).catch((failure) => (notice.value = explain(failure)));
  };
  // Leaving takes the person home (navigation's gone), as any end of a conversation does.
  const leaveIt = () => leave(name).catch((failure) => (notice.value = explain(failure)));

  return (
    <div class="conversation-view channel">
      <ViewHeader narrow={narrow} title={`#${name}`} sub={<>{room.topic || "No topic"}{!narrow && <> · {room.members.length} here</>}</>}>
        {details.button}
      </ViewHeader>
      <div class="conversation-body">
        <Lines label={`Messages in #${name}`} newest={room.messages.at(-1)?.id} seen={(newest) => seen(name, newest)}>
          {more && room.messages.length > 0 && (
            <li class="older"><button type="button" class="link" onClick={() => older(name).then(setMore, (f) => (notice.value = explain(f)))}>
              Show older messages</button></li>
          )}
          {room.messages.map((message, index) => [
            startsDay(room.messages[index - 1], message) && <DayHeading key={`day-${message.id}`} at={message.at} />,
            message.id === marker && <NewMarker key={`new-${message.id}`} />,
            <Line key={message.id} message={message} pictures={!narrow}
              continued={message.id !== marker && !startsDay(room.messages[index - 1], message)
                && continues(spoken(room.messages[index - 1]), spoken(message))} />,
          ])}
        </Lines>
        {details.panel(<>
          <h2 class={narrow ? "sr-only" : undefined}>Here</h2>
          {!live && <p class="muted">Offline: who is here now is not known until the connection is back.</p>}
          <ul class="members">{room.members.map((member) => (
            <li key={member.id}>
              <Avatar persona={member} size="member" />
              <button type="button" class="link" onClick={() => go({ kind: "persona", id: member.id })}>{member.name}</button>
              {live && <>{" "}<StatusBadge status={member.status} line={member.statusLine} /></>}
              {member.owner && <span class="owner-mark"> (owner)</span>}
            </li>
          ))}</ul>
          <h2>This channel</h2>
          <p class="topic-line">{room.topic || "No topic"}</p>
          <p class="buttons">
            <button type="button" onClick={changeTopic}>Change topic</button>
            <button type="button" onClick={leaveIt}>Leave the channel</button>
          </p>
        </>)}
      </div>
      <Compose conversation={channelKey(name)} id="compose" label={`Message to #${name}`} here={{ kind: "channel", name }}
        placeholder="Say something (/ for commands)" />
    </div>
  );
}
