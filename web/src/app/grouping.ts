/** How long after a line the same author's next one still reads as part of it. */
export const GROUPED_MS = 5 * 60_000;

/** What grouping looks at in a line of a channel or a scene. */
export interface Spoken { author: string | undefined; kind: string; at: number }

/**
 * Whether a line continues the one before it, so that its author's name and picture need not show
 * again: both said (a pose reads as a sentence with its name, a roll stands alone), by the same
 * author, within a few minutes, in order.
 */
export function continues(before: Spoken | undefined, line: Spoken | undefined): boolean {
  return before !== undefined && line !== undefined && line.author !== undefined && before.author === line.author
    && before.kind === "say" && line.kind === "say" && line.at >= before.at && line.at - before.at <= GROUPED_MS;
}
