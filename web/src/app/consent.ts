import { signal } from "@preact/signals";
import type { Answer, Boundaries, Flag, Scene, ServerMessage, Topic, TopicMatch } from "../api/protocol";
import type { Requester } from "./scenes";

/** The server's boundaries catalogue and default safeword word, loaded once per session. */
export const catalogue = signal<{ topics: Topic[]; defaultSafeword: string }>({ topics: [], defaultSafeword: "red" });

let request: Requester;

/** Loads the catalogue after each hello. */
export async function start(requester: Requester): Promise<void> {
  request = requester;
  const reply = await request<ServerMessage & { topics: Topic[]; defaultSafeword: string }>("catalogue.show");
  catalogue.value = { topics: reply.topics, defaultSafeword: reply.defaultSafeword };
}

export async function boundariesOf(personaId: string): Promise<Boundaries> {
  return (await request<ServerMessage & { boundaries: Boundaries }>("boundaries.show", { persona: personaId })).boundaries;
}

/** Replaces the whole list of one of this account's personas. */
export async function setBoundaries(personaId: string, answers: Record<string, Answer>, notes: string): Promise<Boundaries> {
  return (await request<ServerMessage & { boundaries: Boundaries }>("boundaries.set", { persona: personaId, answers, notes })).boundaries;
}

/** The flags of one topic, as the server computes them (BoundaryMatch): what to talk about before a scene. */
export function flags(from: Answer | undefined, to: Answer | undefined, proposed: boolean): Flag[] {
  const found: Flag[] = [];
  if ((from === "no" && to === "yes") || (from === "yes" && to === "no")) found.push("mismatch");
  if (proposed && to === "no") found.push("proposed_no");
  if (proposed && to === "maybe") found.push("proposed_maybe");
  return found;
}

/** Two lists side by side in the catalogue's order: every topic either answered or that is proposed (or all of them). */
export function compare(topics: readonly Topic[], from: Record<string, Answer>, to: Record<string, Answer>,
                        proposed: readonly string[], everyTopic = false): TopicMatch[] {
  return topics
    .filter((topic) => everyTopic || from[topic.id] || to[topic.id] || proposed.includes(topic.id))
    .map((topic) => ({ topic: topic.id, from: from[topic.id], to: to[topic.id], proposed: proposed.includes(topic.id),
      flags: flags(from[topic.id], to[topic.id], proposed.includes(topic.id)) }));
}

/** A topic's label, or its id when the catalogue no longer has it. */
export function label(topicId: string): string {
  return catalogue.value.topics.find((topic) => topic.id === topicId)?.label ?? topicId;
}

/** Whether a line typed in a scene is its safeword word: the whole line, trimmed, in any case. */
export function isSafeword(scene: Scene | undefined, line: string): boolean {
  const word = scene?.agreement?.safeword;
  return !!word && line.trim().toLowerCase() === word.toLowerCase();
}
