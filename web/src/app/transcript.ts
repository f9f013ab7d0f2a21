import type { Author, Scene } from "../api/protocol";
import { applyMark } from "./mark";
import type { SceneLine } from "./state";

/** What a member may say about keeping a scene's transcript. */
export type TranscriptChoice = "ask" | "agree" | "refuse" | "withdraw";

const utc = (at: number) => new Date(at).toISOString().slice(0, 16).replace("T", " ");

/**
 * An exported transcript, in the layout the Java client writes too: a visible header saying whose
 * copy it is, the lines oldest first, and the mark hidden in every line, the header's included.
 */
export function renderTranscript(sceneId: string, exporter: Author, mark: string, at: number, lines: readonly SceneLine[]): string {
  const header = [
    `Tryst transcript of scene ${sceneId}`,
    `Exported by ${exporter.name} on ${utc(at)} UTC, for ${exporter.name} only.`,
    `Mark ${mark}: every line carries it invisibly, so a copy shared elsewhere names whose it was.`,
    "",
  ];
  const body = lines.map((line) => line.kind === "pose"
    ? `[${utc(line.at)}] * ${line.from?.name ?? ""} ${line.text}`
    : `[${utc(line.at)}] ${line.from?.name ?? ""}: ${line.text}`);
  return applyMark([...header, ...body].join("\n") + "\n", mark);
}

/**
 * What a member should hear of a change in the consent to keeping a scene's transcript, when it is
 * news: someone else asked, everyone now agrees, or export closed again.
 */
export function transcriptNews(before: Scene | undefined, after: Scene, mine: readonly string[]): string | null {
  const was = before?.transcript ?? null;
  const now = after.transcript ?? null;
  if (now && (!was || was.requestedAt !== now.requestedAt) && !mine.includes(now.requestedBy.id)) {
    return `${now.requestedBy.name} asks to keep a transcript of your scene; open it to agree or refuse.`;
  }
  if (now?.allowed && !was?.allowed) return "Everyone agrees: each of you may now export a marked copy of the scene's transcript.";
  if (was?.allowed && !now?.allowed) return "Not everyone agrees any more: nobody can export the scene's transcript now.";
  return null;
}

/** A file name for a scene's transcript exported now. */
export function transcriptFileName(at: number): string {
  return `tryst-transcript-${new Date(at).toISOString().slice(0, 16).replace(":", "")}.txt`;
}
