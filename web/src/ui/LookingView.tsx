import { useEffect, useState } from "preact/hooks";
import type { Looking } from "../api/protocol";
import { go } from "../app/navigation";
import { connection, speaker } from "../app/state";
import { ago, lookingNow, statusOf } from "../app/statuses";
import { Avatar } from "./Avatar";
import { ViewHeader } from "./Bar";
import { explain } from "./errors";
import { useNarrow } from "./media";
import { StatusBadge } from "./Statuses";

/**
 * Who is looking for a partner or a scene now, the most recent first, as the server lists them
 * (never across a block, nor anyone muted). Asked afresh on opening and with Refresh; someone heard
 * to choose another status since leaves the list at once. From each, the profile or an invitation.
 */
export function LookingView() {
  const narrow = useNarrow();
  const [list, setList] = useState<Looking[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const open = connection.value === "open";
  const load = () => {
    lookingNow().then((answer) => { setList(answer); setFailed(null); setNow(Date.now()); }, (failure) => setFailed(explain(failure)));
  };
  useEffect(() => {
    if (open) load();
  }, [open]);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(tick);
  }, []);
  const shown = (list ?? []).filter((one) => statusOf(one.persona.id)?.status !== undefined
    ? statusOf(one.persona.id)!.status === "looking" : true);
  const me = speaker.value;
  return (
    <>
      <ViewHeader narrow={narrow} title="Looking now" sub="People looking for a partner or a scene">
        <button type="button" onClick={load}>Refresh</button>
      </ViewHeader>
      <div class="page looking">
        {me?.status !== "looking" && (
          <p class="muted">To show here yourself, choose <b>Looking</b> as your status{me ? ` (${me.name})` : ""}, with a line saying what for.</p>
        )}
        {failed && <p class="status error" role="status">{failed}</p>}
        {list === null && !failed && <p class="muted">Asking who is looking…</p>}
        {list !== null && (shown.length === 0
          ? <p class="muted empty">Nobody is looking right now. Try again later, or look at the board.</p>
          : (
            <ul class="looking-list" aria-label="Looking now">
              {shown.map((one) => <Entry key={one.persona.id} one={one} now={now} />)}
            </ul>
          ))}
      </div>
    </>
  );
}

/** One persona looking: who, what for, since when, and the way to their profile or to invite them. */
function Entry({ one, now }: { one: Looking; now: number }) {
  const { persona } = one;
  const line = statusOf(persona.id)?.statusLine ?? one.statusLine;
  const invite = () => go({ kind: "persona", id: persona.id, name: persona.name, propose: [] });
  const profile = () => go({ kind: "persona", id: persona.id, name: persona.name });
  return (
    <li class="card looking-entry" aria-labelledby={`looking-${persona.id}`}>
      <Avatar persona={persona} size="member" />
      <div class="looking-who">
        <h2 id={`looking-${persona.id}`}>{persona.name}</h2>
        <StatusBadge status="looking" />
        {line && <p class="line">“{line}”</p>}
        <p class="since">Started looking {ago(one.since, now)}
          <span class="sr-only"> ({new Date(one.since).toLocaleString()})</span></p>
        <p class="buttons">
          <button type="button" onClick={invite}>Invite {persona.name}</button>
          <button type="button" class="link" onClick={profile}>Profile<span class="sr-only"> of {persona.name}</span></button>
        </p>
      </div>
    </li>
  );
}
