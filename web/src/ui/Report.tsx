import { useState } from "preact/hooks";
import { REPORT_REASONS, type Report as Filed } from "../api/protocol";
import { notice } from "../app/state";
import { explain } from "./errors";
import { upTo } from "./limits";

const REASON_NAMES: Record<string, string> = {
  harassment: "Harassment", threat: "Threat", non_consensual: "Without consent", minor: "A minor involved", spam: "Spam", other: "Something else",
};

/** What a person hears after reporting: whether the server could verify the line, and that the other side is not told. */
export function filedNotice(report: Filed): string {
  const check = report.verification === "verified" ? "verified by the server" : `not verified (${report.why})`;
  return `Report sent: ${check}. The moderators will look at it; the persona you reported is not told who reported.`;
}

/**
 * The Report action of one line (or `what` else: an ad): choose a reason, add a note if you like, confirm. `send` files the
 * report (with the line's franking for a scene line, by id for a channel line).
 */
export function ReportAction({ who, what = "line", send }: {
  who: string; what?: string; send: (reason: string, note: string) => Promise<Filed>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<string>("harassment");
  const [note, setNote] = useState("");
  if (!open) return <button type="button" class="link report" onClick={() => setOpen(true)} aria-label={`Report this ${what} of ${who}`}>Report</button>;
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      notice.value = filedNotice(await send(reason, note.trim()));
      setOpen(false);
      setNote("");
    } catch (failure) {
      notice.value = explain(failure);
    }
  };
  return (
    <form class="report-form" onSubmit={submit} aria-label={`Report a ${what} of ${who}`}>
      <fieldset>
        <legend>Why are you reporting this?</legend>
        {REPORT_REASONS.map((value) => (
          <label key={value} class="check">
            <input type="radio" name="reason" value={value} checked={reason === value} onChange={() => setReason(value)} />{REASON_NAMES[value]}
          </label>
        ))}
      </fieldset>
      <label>Note for the moderators (optional)<input value={note} onInput={(e) => setNote(upTo(1000, e.currentTarget))} /></label>
      <p class="muted">The moderators see this {what} and your note. For a private scene line, sending it discloses the line to them.</p>
      <button type="submit" class="danger">Send report</button>
      <button type="button" class="link" onClick={() => setOpen(false)}>Cancel</button>
    </form>
  );
}
