/** The words for a moderator's notice; a suspension or ban says why and until when, and outlives the close that follows it. */

export type NoticeKind = "warning" | "muted" | "suspended" | "banned";

const when = (at: number) => new Date(at).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
/** The moderator's reason after a colon, ending as a sentence does; a full stop alone without one. */
const because = (reason: string) => {
  const said = reason.trim();
  if (!said) return ".";
  return /[.!?…]$/u.test(said) ? `: ${said}` : `: ${said}.`;
};

/** What the person reads for a notice of this kind, with the moderator's text and its end, if any. */
export function noticeText(kind: string, text: string, until?: number | null): string {
  switch (kind as NoticeKind) {
    case "warning":
      return `A moderator warns you${because(text)}`;
    case "muted":
      return until ? `${text} Until ${when(until)}.` : text;
    case "suspended":
      return `A moderator suspended this account${until ? ` until ${when(until)}` : ""}${because(text)}`
        + " You cannot use Tryst until then.";
    case "banned":
      return `A moderator banned this account${because(text)}`;
    default:
      return text;
  }
}

/** True for the notices that come just before the server closes every socket of the account. */
export function barsTheAccount(kind: string): boolean {
  return kind === "suspended" || kind === "banned";
}
