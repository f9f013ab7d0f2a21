import { useEffect, useState } from "preact/hooks";
import { Refused } from "../api/socket";
import { badge, board, bump, mismatches, post, proposed, RATINGS, remove, reportAd, type Ad, type Draft, type Rating, type Seen } from "../app/board";
import { catalogue, label } from "../app/consent";
import { go } from "../app/navigation";
import { speaker } from "../app/state";
import { Avatar } from "./Avatar";
import { ViewHeader } from "./Bar";
import { explain } from "./errors";
import { upTo } from "./limits";
import { useNarrow } from "./media";
import { ReportAction } from "./Report";
import { useStatus } from "./status";
import { StatusBadge } from "./Statuses";
import { statusOf } from "../app/statuses";
import "./board.css";

const RATING_NAMES: Record<Rating, string> = { general: "General", mature: "Mature", adult: "Adult" };

/** Why a board request was refused, in the board's own words where the general ones would mislead. */
function boardError(failure: unknown): string {
  if (failure instanceof Refused && failure.code === "rate_limited" && failure.retryAfterMs) {
    return `Not yet: you can bump or post again in ${Math.max(1, Math.ceil(failure.retryAfterMs / 60_000))} min.`;
  }
  if (failure instanceof Refused && failure.code === "adult_area") {
    return "An adult ad needs the adult opt-in first: enter the world and type @adult on.";
  }
  return explain(failure);
}

/**
 * The partner board as the persona in use sees it: the server leaves out ads across a block, of
 * muted personas, adult ones without the opt-in, and those asking for a topic this persona said no
 * to. Each ad shows how its topics meet this persona's boundaries; from it, the profile or an
 * invitation proposing its topics. The persona's own ad is posted, edited, bumped and removed here.
 */
export function BoardView() {
  const narrow = useNarrow();
  const me = speaker.value;
  const [seen, setSeen] = useState<Seen | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const load = () => {
    if (me) board(me.id).then((answer) => { setSeen(answer); setFailed(null); }, (failure) => setFailed(explain(failure)));
  };
  useEffect(load, [me?.id]);
  if (!me) return <ViewHeader narrow={narrow} title="Board" sub="Choose or create a persona to see the board as." />;
  return (
    <>
      <ViewHeader narrow={narrow} title="Board" sub={`Looking for partners, as ${me.name} sees it`}>
        <button type="button" onClick={load}>Refresh</button>
      </ViewHeader>
      <div class="page board">
        <MyAd key={`${me.id}:${seen?.mine?.id ?? "none"}`} mine={seen?.mine ?? null} changed={load} />
        <p class="muted">Ads asking for a topic you marked “no” are left out, as are those of people you blocked or muted, or who
          blocked you; adult ads show once you opt in to adult areas in the world (@adult on).</p>
        {failed && <p class="status error" role="status">{failed}</p>}
        {seen && (seen.ads.length === 0
          ? <p class="muted empty">No ads for you right now.</p>
          : <ul class="ads" aria-label="Ads">{seen.ads.map((ad) => <AdCard key={ad.id} ad={ad} />)}</ul>)}
      </div>
    </>
  );
}

/** Until when an ad stays up, in the person's own clock. */
function until(ad: Ad): string {
  return new Date(ad.expiresAt).toLocaleString([], { weekday: "short", hour: "2-digit", minute: "2-digit" });
}

/** One ad of someone else: who, what, how it matches, and what one can do from it. */
export function AdCard({ ad }: { ad: Ad }) {
  const me = speaker.value;
  const asked = proposed(ad);
  const elsewhere = mismatches(ad);
  const profile = () => go({ kind: "persona", id: ad.persona.id, name: ad.persona.name });
  const invite = () => go({ kind: "persona", id: ad.persona.id, name: ad.persona.name, propose: ad.topics });
  const shows = statusOf(ad.persona.id, ad);
  return (
    <li class="card ad">
      <header class="ad-head">
        <Avatar persona={ad.persona} size="member" />
        <div>
          <h2 id={`ad-${ad.id}`}>{ad.title}</h2>
          <p class="muted">{ad.persona.name}{ad.rating !== "general" && <> · <span class="rating">{RATING_NAMES[ad.rating]}</span></>}</p>
          {shows && <p class="ad-status"><StatusBadge status={shows.status} line={shows.statusLine} /></p>}
        </div>
      </header>
      {ad.text && <p class="ad-text">{ad.text}</p>}
      {asked.length > 0 && (
        <ul class="matches" aria-label="How its topics meet your boundaries">
          {asked.map((match) => {
            const shown = badge(match);
            return <li key={match.topic} class={`match ${shown.answer}${shown.caution ? " caution" : ""}`}>
              {label(match.topic)}: <b>you {shown.answer === "unanswered" ? "have not answered" : `said ${shown.answer}`}</b></li>;
          })}
        </ul>
      )}
      {elsewhere.length > 0 && <p class="muted">You and {ad.persona.name} disagree on {elsewhere.map((match) => label(match.topic)).join(", ")}:
        talk first.</p>}
      <p class="buttons">
        <button type="button" onClick={invite}>Invite {ad.persona.name}</button>
        <button type="button" class="link" onClick={profile}>Profile</button>
        {me && <ReportAction who={ad.persona.name} what="ad" send={(reason, note) => reportAd(me.id, ad, reason, note)} />}
      </p>
      <p class="muted small">Up until {until(ad)}</p>
    </li>
  );
}

/** The persona's own ad: bumping, editing and removing it once it is up, or a form (opened on asking) to post one. */
function MyAd({ mine, changed }: { mine: Ad | null; changed: () => void }) {
  const me = speaker.value!;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(mine
    ? { title: mine.title, text: mine.text, topics: mine.topics, rating: mine.rating }
    : { title: "", text: "", topics: [], rating: "general" });
  const [status, say] = useStatus();
  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      say(done);
      setEditing(false);
      changed();
    } catch (failure) {
      say(boardError(failure), true);
    }
  };
  const submit = (event: Event) => {
    event.preventDefault();
    act(() => post(me.id, { ...draft, title: draft.title.trim() }), mine ? "Your ad is changed." : "Your ad is up.");
  };
  const toggle = (topic: string) => setDraft({ ...draft, topics: draft.topics.includes(topic)
    ? draft.topics.filter((t) => t !== topic) : [...draft.topics, topic] });
  if (!mine && !editing) {
    return <p class="buttons"><button type="button" onClick={() => setEditing(true)}>Post an ad as {me.name}</button></p>;
  }
  if (mine && !editing) {
    return (
      <section class="card mine" aria-labelledby="my-ad">
        <h2 id="my-ad">Your ad: {mine.title}</h2>
        {mine.text && <p class="ad-text">{mine.text}</p>}
        {mine.topics.length > 0 && <p class="muted">Asks for {mine.topics.map(label).join(", ")}</p>}
        <p class="muted small">{RATING_NAMES[mine.rating]} · up until {until(mine)}</p>
        <p class="buttons">
          <button type="button" onClick={() => act(() => bump(me.id), "Your ad is at the top again.")}>Bump</button>
          <button type="button" class="link" onClick={() => setEditing(true)}>Edit</button>
          <button type="button" class="link" onClick={() => confirm("Take your ad off the board?")
            && act(() => remove(me.id), "Your ad is off the board.")}>Remove</button>
        </p>
        {status}
      </section>
    );
  }
  return (
    <form class="card mine" onSubmit={submit} aria-labelledby="post-ad">
      <h2 id="post-ad">{mine ? "Edit your ad" : `Post an ad as ${me.name}`}</h2>
      <label>Title<input required value={draft.title} onInput={(e) => setDraft({ ...draft, title: upTo(80, e.currentTarget) })}
        placeholder="Slow-burn romance by the sea" /></label>
      <label>What you are looking for<textarea rows={3} value={draft.text}
        onInput={(e) => setDraft({ ...draft, text: upTo(2000, e.currentTarget) })} /></label>
      <label>Rating<select value={draft.rating} onChange={(e) => setDraft({ ...draft, rating: e.currentTarget.value as Rating })}>
        {RATINGS.map((rating) => <option key={rating} value={rating}>{RATING_NAMES[rating]}</option>)}
      </select></label>
      <details>
        <summary>Topics you want ({draft.topics.length})</summary>
        <div class="topic-choices">
          {catalogue.value.topics.map((topic) => (
            <label key={topic.id} class="check"><input type="checkbox" checked={draft.topics.includes(topic.id)}
              onChange={() => toggle(topic.id)} />{topic.label}</label>
          ))}
        </div>
      </details>
      <p class="buttons">
        <button type="submit">{mine ? "Save" : "Post"}</button>
        <button type="button" class="link" onClick={() => setEditing(false)}>Cancel</button>
      </p>
      {status}
      <p class="muted">Ads are stored and shown as written, in the clear. It stays up for a few days; bump it to bring it to the top.</p>
    </form>
  );
}
