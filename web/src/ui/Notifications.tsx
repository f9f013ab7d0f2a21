import { useEffect } from "preact/hooks";
import { go } from "../app/navigation";
import { moderatorNotices, notice, toasts } from "../app/state";
import { breakReminder, breakText, warning, warningText } from "../app/wellbeing";

/** A notice stays this long, long enough to read twice, then gives its place back; it goes at once when the person goes elsewhere. */
const NOTICE_MS = 8_000;

/**
 * What the app tells the person over whatever they look at: the moderators' warnings (until
 * read), a limit of their own coming and a break reminder, what arrived for them (a new invitation, until they go to it or dismiss it), and the
 * notice of what just happened.
 */
export function Notifications() {
  const shown = notice.value;
  useEffect(() => {
    if (!shown) return;
    const fade = setTimeout(() => { if (notice.value === shown) notice.value = null; }, NOTICE_MS);
    return () => clearTimeout(fade);
  }, [shown]);
  return (
    <section class="notifications" aria-label="Notifications">
      <ModeratorNotices />
      <LimitNotices />
      <div role="status">
        {toasts.value.map((toast) => (
          <p class="toast" key={toast.id}>
            <span>{toast.text}</span>
            <button type="button" onClick={() => go(toast.action.view)}>{toast.action.label}</button>
            <button type="button" class="dismiss" onClick={() => (toasts.value = toasts.value.filter((one) => one.id !== toast.id))}
              aria-label="Dismiss">×</button>
          </p>
        ))}
        {shown && (
          <p class="toast notice">
            <span>{shown}</span>
            <button type="button" class="dismiss" onClick={() => (notice.value = null)} aria-label="Dismiss">×</button>
          </p>
        )}
      </div>
    </section>
  );
}

/** The moderators' warnings and mutes, which stay until read: they are sent once and are not kept anywhere else. */
function ModeratorNotices() {
  const told = moderatorNotices.value;
  if (told.length === 0) return null;
  const dismiss = (at: number) => (moderatorNotices.value = moderatorNotices.value.filter((one) => one.at !== at));
  return (
    <div class="moderator-notices" role="alert" aria-label="From the moderators">
      {told.map((one) => (
        <p class="toast moderator" key={one.at}>{one.text}
          <button type="button" onClick={() => dismiss(one.at)}>I have read this</button></p>
      ))}
    </div>
  );
}

/** A limit of the person's own five minutes away, and a reminder to take a break; each stays until dismissed. */
function LimitNotices() {
  const coming = warning.value;
  const rest = breakReminder.value;
  if (!coming && rest === null) return null;
  return (
    <div class="limit-notices">
      {coming && (
        <p class="toast limit" role="alert"><span>{warningText(coming.reason, coming.endsAt)} Tryst closes then, on every device.</span>
          <button type="button" class="dismiss" onClick={() => (warning.value = null)} aria-label="Dismiss">×</button></p>
      )}
      {rest !== null && (
        <p class="toast limit" role="status"><span>{breakText(rest)}</span>
          <button type="button" onClick={() => (breakReminder.value = null)}>Dismiss</button></p>
      )}
    </div>
  );
}
