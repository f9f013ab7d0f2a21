import { keptOut, keptOutText } from "../app/wellbeing";

/**
 * What the person sees while their own limit keeps them out (the budget used up, quiet hours, a
 * self-exclusion): calmly, until when, and for an exclusion where to find someone to talk to.
 */
export function KeptOut() {
  const out = keptOut.value!;
  const { title, lines } = keptOutText(out.code, out.until, Date.now());
  return (
    <main class="auth card kept-out" data-view="kept-out" data-reason={out.code}>
      <h1>{title}</h1>
      {lines.map((line) => <p key={line}>{line}</p>)}
      {out.code === "excluded" && (
        <p><a href="https://findahelpline.com" rel="noreferrer noopener" target="_blank">Find A Helpline</a> lists them, in many
          countries.</p>
      )}
      <p class="buttons"><button type="button" onClick={() => (keptOut.value = null)}>Back to the log-in page</button></p>
    </main>
  );
}
