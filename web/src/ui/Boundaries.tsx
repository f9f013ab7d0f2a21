import { useEffect, useState } from "preact/hooks";
import type { Answer, Persona, TopicMatch } from "../api/protocol";
import { boundariesOf, catalogue, label, setBoundaries } from "../app/consent";
import { notice } from "../app/state";
import { explain } from "./errors";
import { upTo } from "./limits";
import { useStatus } from "./status";

const ANSWERS: Answer[] = ["yes", "maybe", "no"];

/** One of the person's own personas: an answer per catalogue topic, grouped, and notes; saved whole. */
export function BoundariesEditor({ persona }: { persona: Persona }) {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [notes, setNotes] = useState("");
  // Until the saved answers are here, there is nothing to change: a choice made before would be overwritten by them.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    boundariesOf(persona.id).then((b) => { setAnswers(b.answers); setNotes(b.notes); setLoaded(true); }, (f) => (notice.value = explain(f)));
  }, [persona.id]);
  const choose = (topic: string, answer: Answer | null) => {
    const next = { ...answers };
    if (answer) next[topic] = answer; else delete next[topic];
    setAnswers(next);
  };
  const [status, say] = useStatus();
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await setBoundaries(persona.id, answers, notes);
      say(`${persona.name}'s boundaries are saved.`);
    } catch (failure) {
      say(explain(failure), true);
    }
  };
  const groups = [...new Set(catalogue.value.topics.map((topic) => topic.group))];
  return (
    <form class="boundaries card" onSubmit={save} aria-labelledby={`boundaries-${persona.id}`}>
      <h2 id={`boundaries-${persona.id}`}>Boundaries</h2>
      <p class="muted">Anyone can see these. Invitations show them beside the other persona's, and flag where you differ.</p>
      {!loaded && <p role="status">Loading {persona.name}'s boundaries…</p>}
      {loaded && groups.map((group) => (
        <fieldset key={group}>
          <legend>{group}</legend>
          {catalogue.value.topics.filter((topic) => topic.group === group).map((topic) => (
            <div key={topic.id} class="boundary" role="radiogroup" aria-labelledby={`topic-${topic.id}`}>
              <span id={`topic-${topic.id}`} class="topic-name" title={topic.description}>{topic.label}</span>
              <span class="choices">
                {ANSWERS.map((answer) => (
                  <label key={answer} class={`choice ${answer}`}>
                    <input type="radio" name={`b-${topic.id}`} aria-label={`${topic.label}: ${answer}`} checked={answers[topic.id] === answer}
                      onChange={() => choose(topic.id, answer)} /><span aria-hidden="true">{answer}</span>
                  </label>
                ))}
                <label class="choice">
                  <input type="radio" name={`b-${topic.id}`} aria-label={`${topic.label}: unanswered`} checked={!answers[topic.id]}
                    onChange={() => choose(topic.id, null)} /><span aria-hidden="true">–</span>
                </label>
              </span>
            </div>
          ))}
        </fieldset>
      ))}
      <label>Boundary notes<textarea rows={3} value={notes} onInput={(e) => setNotes(upTo(2000, e.currentTarget))} /></label>
      <p class="buttons"><button type="submit">Save boundaries</button></p>
      {status}
    </form>
  );
}

/** What a flag means, said from the invitee's side ({@code invitee} is "you" or a name). */
function flagText(row: TopicMatch, invitee: string): string[] {
  return row.flags.map((flag) => flag === "mismatch" ? "No against yes"
    : flag === "proposed_no" ? `Proposed, but ${invitee} said no` : `Proposed; ${invitee} said maybe`);
}

/**
 * Two personas' boundaries side by side, flagged. With {@code propose}, a checkbox per topic
 * chooses what an invitation proposes, and the flags follow the choice at once.
 */
export function SideBySide({ rows, from, to, invitee, propose }: {
  rows: TopicMatch[]; from: string; to: string; invitee: string;
  propose?: { chosen: string[]; toggle: (topic: string) => void };
}) {
  if (rows.length === 0) return <p class="muted">Neither has answered any topic yet.</p>;
  return (
    <table class="side-by-side">
      <thead><tr><th>Topic</th><th>{from}</th><th>{to}</th>{propose && <th>Propose</th>}<th class="flag-head"><span class="sr-only">Flags</span></th></tr></thead>
      <tbody>{rows.map((row) => (
        <tr key={row.topic} aria-label={label(row.topic)} class={row.flags.length > 0 ? "flagged" : undefined}>
          <th scope="row">{label(row.topic)}{!propose && row.proposed && " (proposed)"}</th>
          <td>{row.from ?? "–"}</td>
          <td>{row.to ?? "–"}</td>
          {propose && <td><input type="checkbox" aria-label={`Propose ${label(row.topic)}`} checked={propose.chosen.includes(row.topic)}
            onChange={() => propose.toggle(row.topic)} /></td>}
          <td class="flag">{flagText(row, invitee).join(" · ")}</td>
        </tr>
      ))}</tbody>
    </table>
  );
}

/** The topics of an agreement or proposal, by label, in words. */
export function topicList(topics: string[]): string {
  return topics.length === 0 ? "no particular topics" : topics.map(label).join(", ");
}
