import { useEffect, useState } from "preact/hooks";
import type { AuditEntry, Report } from "../api/protocol";
import { notice } from "../app/state";
import { auditLog, moderate, reportQueue } from "../app/tryst";
import { ViewHeader } from "./Bar";
import { explain } from "./errors";
import { useNarrow } from "./media";

const when = (at: number) => new Date(at).toLocaleString();

/** The decisions a moderator can take on a report, with what the server is told. */
const DECISIONS: { label: string; action: string; hours?: number; scope?: string }[] = [
  { label: "Warn", action: "warn" },
  { label: "Mute 24 h", action: "mute", hours: 24 },
  { label: "Suspend 7 days", action: "suspend", hours: 168 },
  { label: "Ban persona", action: "ban", scope: "persona" },
  { label: "Ban account", action: "ban" },
  { label: "Remove picture", action: "remove-avatar" },
];

/** Taking the reported ad off the partner board, offered on reports of ads. */
const REMOVE_AD = { label: "Remove ad", action: "remove-ad" };

/** For moderators and operators: the report queue with the server's verification, the decisions, and the audit log. */
export function ModerationView() {
  const narrow = useNarrow();
  const [reports, setReports] = useState<Report[]>([]);
  const [all, setAll] = useState(false);
  const [audit, setAudit] = useState<{ entries: AuditEntry[]; intact: boolean } | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const reload = async () => {
    try {
      setReports(await reportQueue(all));
      setAudit(await auditLog());
    } catch (failure) {
      notice.value = explain(failure);
    }
  };
  useEffect(() => { void reload(); }, [all]);

  const decide = async (report: Report, decision: { label: string; action: string; hours?: number; scope?: string }) => {
    try {
      await moderate({ action: decision.action, ...(decision.action === "dismiss" ? {} : { target: report.reported!.id }),
        ...(decision.hours ? { hours: decision.hours } : {}), ...(decision.scope ? { scope: decision.scope } : {}),
        reason: reasons[report.id] ?? "", report: report.id });
      notice.value = `${decision.label}: done.`;
      await reload();
    } catch (failure) {
      notice.value = explain(failure);
    }
  };

  return (
    <>
    <ViewHeader narrow={narrow} title="Moderation" />
    <div class="page moderation">
      <h2>Reports</h2>
      <label class="check"><input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />Show resolved reports too</label>
      {reports.length === 0 && <p>No reports waiting.</p>}
      <ul class="reports" aria-label="Reports">
        {reports.map((report) => (
          <li key={report.id} aria-label={`Report ${report.id}`}>
            <p><b>{report.reported?.name ?? "unknown sender"}</b>{{ channel: ` in #${report.channel}`, world: " in the text world", scene: " in a private scene",
              ad: "'s ad on the board" }[report.kind]}: “{report.text}”</p>
            <p>Reason: {report.reason}{report.note && ` — ${report.note}`} · reported by {report.reporter?.name} · {when(report.at)}</p>
            <p class={report.verification === "verified" ? "verified" : "error"}>
              {report.verification === "verified" ? "Verified" : "Rejected"}: {report.why}</p>
            <p>Status: {report.status}</p>
            {report.status === "open" && (
              <div class="decisions">
                <label>Reason for the decision<input value={reasons[report.id] ?? ""}
                  onInput={(e) => setReasons({ ...reasons, [report.id]: e.currentTarget.value })} /></label>
                {report.reported && (report.kind === "ad" ? [REMOVE_AD, ...DECISIONS] : DECISIONS).map((decision) => (
                  <button key={decision.label} type="button" onClick={() => decide(report, decision)}>{decision.label}</button>
                ))}
                <button type="button" class="link" onClick={() => decide(report, { label: "Dismiss", action: "dismiss" })}>Dismiss</button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <h2>Audit log</h2>
      {audit && <p class={audit.intact ? "verified" : "error"}>{audit.intact ? "The audit log's hash chain is intact." : "The audit log's hash chain is BROKEN: entries were changed or removed."}</p>}
      <ol class="audit" aria-label="Audit log">
        {audit?.entries.map((entry) => (
          <li key={entry.seq}>{when(entry.at)} · {entry.actor} · {entry.action} · {entry.target}{entry.reason && ` · ${entry.reason}`}</li>
        ))}
      </ol>
    </div>
    </>
  );
}
