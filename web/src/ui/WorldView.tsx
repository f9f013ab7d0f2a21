import { useEffect, useState } from "preact/hooks";
import { go } from "../app/navigation";
import { connection, speaker, worlds } from "../app/state";
import type { WorldState } from "../app/world";
import { command, enter, leave } from "../app/worldSession";
import { sendTyping } from "../app/typingSession";
import { ViewHeader } from "./Bar";
import { useDetails } from "./Details";
import { explain } from "./errors";
import { Lines } from "./Lines";
import { useNarrow } from "./media";
import { WorldEntry } from "./WorldEntry";
import { WorldMap } from "./WorldMap";
import { WorldPrompt } from "./WorldPrompt";
import { Here, RatingMark, RoomCard, WorldSettings } from "./WorldRoom";

/**
 * The shared text world as the persona spoken as plays it: opening the view enters it. The room
 * with its exits above the stream of what happens there, who and what is here with the map and
 * the settings beside it (on a phone in a sheet), and the command line below.
 */
export function WorldView() {
  const narrow = useNarrow();
  const persona = speaker.value;
  const state = persona ? worlds.value.get(persona.id) : undefined;
  const [failed, setFailed] = useState<string | null>(null);
  const details = useDetails(narrow, "Who and what is here", <>Here{state && <span class="count">({state.here.length})</span>}</>);
  const open = connection.value === "open";
  useEffect(() => {
    if (persona && !state?.room && open) enter(persona.id).then(() => setFailed(null), (failure) => setFailed(explain(failure)));
  }, [persona?.id, open]);
  if (!persona) return <ViewHeader narrow={narrow} title="The world" sub="Create a persona first: you enter the world as one." />;
  if (!state?.room) return <ViewHeader narrow={narrow} title="The world" sub={failed ?? `Entering as ${persona.name}…`} />;
  const room = state.room;
  const send = (line: string) => void command(persona.id, line);
  const leaveIt = () => leave(persona.id).then(() => go({ kind: "home" }), (failure) => setFailed(explain(failure)));
  return (
    <div class="conversation-view world">
      <ViewHeader narrow={narrow} title={room.name} sub={<><RatingMark rating={room.rating} /> The world, as {persona.name}</>}>
        {details.button}
      </ViewHeader>
      <RoomCard room={room} send={send} />
      <div class="conversation-body">
        <Lines label={`What happens in ${room.name}`} newest={String(state.entries.at(-1)?.key)}>
          {state.entries.map((entry) => <WorldEntry key={entry.key} entry={entry} me={persona.id} send={send} />)}
        </Lines>
        {details.panel(<>
          <h2>Map</h2>
          <WorldMap map={state.map} room={room} send={send} />
          <Here state={state} send={send} />
          <WorldSettings send={send} leave={leaveIt} />
        </>)}
      </div>
      <WorldPrompt names={names(state)} send={send}
        typing={(typing) => sendTyping({ kind: "room", persona: persona.id, room: room.id }, typing)} />
    </div>
  );
}

/** What Tab completes: who and what is here, and the exits by every word that takes them. */
function names(state: WorldState): string[] {
  const room = state.room!;
  return [...state.here.map((one) => one.name), ...room.things.map((thing) => thing.name), ...room.exits.flatMap((exit) => [exit.name, ...exit.aliases])];
}
