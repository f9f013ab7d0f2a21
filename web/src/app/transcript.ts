import type { Author } from "../api/protocol";
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

/** A file name for a scene's transcript exported now. */
export function transcriptFileName(at: number): string {
  return `tryst-transcript-${new Date(at).toISOString().slice(0, 16).replace(":", "")}.txt`;
}
