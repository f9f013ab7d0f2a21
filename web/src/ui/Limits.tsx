import { useEffect, useState } from "preact/hooks";
import { notice } from "../app/state";
import { exclude, setWellbeing, wellbeing } from "../app/tryst";
import {
  browserTimeZone, describe, duration, EXCLUSION_PERIODS, formOf, lastDays, limitsOf, when, type ExclusionPeriod, type Limits,
  type LimitsForm, type Wellbeing,
} from "../app/wellbeing";
import { ViewHeader } from "./Bar";
import { explain } from "./errors";
import { useNarrow } from "./media";

const nothingSet = (limits: Limits) => limits.dailyMinutes === null && limits.quietFrom === null && limits.breakMinutes === null;

/**
 * The person's own limits, which the server holds for every device: what is in force, a loosening
 * waiting its day, the form to change them, their use of the last 30 days, and self-exclusion.
 * Nobody else sees any of it.
 */
export function LimitsView() {
  const narrow = useNarrow();
  const [shown, setShown] = useState<Wellbeing | null>(null);
  useEffect(() => { wellbeing().then(setShown, (failure) => (notice.value = explain(failure))); }, []);
  return (
    <>
      <ViewHeader narrow={narrow} title="Limits" sub="Yours alone: nobody else sees them" />
      <div class="page limits">
        {shown === null ? <p role="status">Loading…</p> : <>
          <InForce shown={shown} />
          <LimitsEditor key={shown.pendingFrom ?? 0} shown={shown} saved={setShown} />
          <Usage shown={shown} />
          <Exclusion />
        </>}
      </div>
    </>
  );
}

function InForce({ shown }: { shown: Wellbeing }) {
  const now = Date.now();
  return (
    <section aria-labelledby="in-force" class="card">
      <h2 id="in-force">In force now</h2>
      <ul>{describe(shown.limits).map((line) => <li key={line}>{line}</li>)}</ul>
      <p>Today so far: {duration(shown.minutesToday)}{shown.limits.dailyMinutes !== null
        && `, of ${duration(shown.limits.dailyMinutes)}`}.</p>
      {shown.pending && shown.pendingFrom !== null && (
        <div class="pending" role="status">
          <h3>Waiting: looser limits, in force {when(shown.pendingFrom, now)}</h3>
          <ul>{describe(shown.pending).map((line) => <li key={line}>{line}</li>)}</ul>
        </div>
      )}
      <p class="muted hint-after">A stricter limit applies at once. A looser one waits 24 hours, so that a change made on impulse late
        at night does not count tonight. Saving again replaces what is waiting.</p>
    </section>
  );
}

function LimitsEditor({ shown, saved }: { shown: Wellbeing; saved: (next: Wellbeing) => void }) {
  const start = shown.pending ?? shown.limits;
  const [form, setForm] = useState<LimitsForm>(() => ({ ...formOf(start), timeZone: nothingSet(start) ? browserTimeZone() : start.timeZone }));
  const [error, setError] = useState<string | null>(null);
  const field = (name: keyof LimitsForm) => ({
    value: form[name], onInput: (e: Event) => setForm({ ...form, [name]: (e.currentTarget as HTMLInputElement).value }),
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    const limits = limitsOf(form);
    if ("problem" in limits) {
      setError(limits.problem);
      return;
    }
    setError(null);
    try {
      const next = await setWellbeing(limits);
      saved(next);
      notice.value = next.pending && next.pendingFrom !== null
        ? `Saved. What is stricter applies now; what is looser takes effect ${when(next.pendingFrom, Date.now())}.`
        : "Saved. Your limits apply now, on every device.";
    } catch (failure) {
      setError(explain(failure));
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="change-limits" class="card" noValidate>
      <h2 id="change-limits">Change your limits</h2>
      <label>Daily time budget, in minutes<input name="dailyMinutes" type="number" inputMode="numeric" min={15} max={1440}
        placeholder="none" aria-describedby="budget-what" {...field("dailyMinutes")} /></label>
      <p id="budget-what" class="muted hint">15 to 1,440, or empty for none. A minute counts when you did something in the five minutes
        before, once however many devices you use. Five minutes before it runs out you are warned; then Tryst closes until tomorrow.</p>
      <fieldset>
        <legend>Quiet hours (empty for none)</legend>
        <div class="quiet">
          <label>From<input name="quietFrom" type="time" {...field("quietFrom")} /></label>
          <label>Until<input name="quietUntil" type="time" {...field("quietUntil")} /></label>
        </div>
      </fieldset>
      <label>Time zone your days and hours are counted in<input name="timeZone" autocapitalize="none" spellcheck={false}
        {...field("timeZone")} /></label>
      <label>Remind me to take a break after this many minutes on end<input name="breakMinutes" type="number" inputMode="numeric"
        min={10} max={240} placeholder="none" aria-describedby="breaks-what" {...field("breakMinutes")} /></label>
      <p id="breaks-what" class="muted hint">10 to 240, or empty for none. A reminder only: you dismiss it.</p>
      {error && <p class="error" role="alert">{error}</p>}
      <p class="buttons"><button type="submit">Save limits</button></p>
    </form>
  );
}

/** Minutes per day of the last 30 days: bars for the eye, the same numbers as a table for everyone. */
function Usage({ shown }: { shown: Wellbeing }) {
  const bars = lastDays(shown.days, Date.now(), shown.limits.timeZone);
  const budget = shown.limits.dailyMinutes;
  const top = Math.max(60, budget ?? 0, ...bars.map((bar) => bar.minutes));
  const total = bars.reduce((sum, bar) => sum + bar.minutes, 0);
  const used = bars.filter((bar) => bar.minutes > 0).length;
  const height = 100;
  const y = (minutes: number) => height - (minutes / top) * height;
  return (
    <section aria-labelledby="usage" class="card">
      <h2 id="usage">Your use, the last 30 days</h2>
      <p>{used === 0 ? "No use counted yet." : `${duration(total)} on ${used} ${used === 1 ? "day" : "days"}; on those days ${duration(Math.round(total / used))} on average.`}</p>
      {used > 0 && <>
        <svg class="usage-chart" viewBox={`0 0 300 ${height + 16}`} role="img" aria-labelledby="usage usage-summary">
          <desc id="usage-summary">Minutes per day, oldest on the left; the table below has each day's number.</desc>
          {bars.map((bar, index) => (
            <rect key={bar.date} x={index * 10 + 1} y={y(bar.minutes)} width={8} height={height - y(bar.minutes)} rx={1.5}
              class={budget !== null && bar.minutes >= budget ? "day-bar over" : "day-bar"}><title>{`${bar.label}: ${duration(bar.minutes)}`}</title></rect>
          ))}
          {budget !== null && <line x1={0} x2={300} y1={y(budget)} y2={y(budget)} class="budget" />}
          <line x1={0} x2={300} y1={height} y2={height} class="axis" />
          {bars.map((bar, index) => index % 7 === 1 || index === 29
            ? <text key={bar.date} x={index === 29 ? 300 : index * 10 + 5} y={height + 12} text-anchor={index === 29 ? "end" : "middle"}>{index === 29 ? "Today" : bar.label}</text> : null)}
        </svg>
        {budget !== null && <p class="muted hint-after">The line is your daily budget of {duration(budget)}.</p>}
        <details>
          <summary>The days as a table</summary>
          <table class="usage-table">
            <thead><tr><th scope="col">Day</th><th scope="col">Minutes</th></tr></thead>
            <tbody>{[...bars].reverse().map((bar) => <tr key={bar.date}><th scope="row">{bar.label}</th><td>{bar.minutes}</td></tr>)}</tbody>
          </table>
        </details>
      </>}
    </section>
  );
}

/** Self-exclusion: a period, then a confirmation that says plainly that nobody can lift it early. */
function Exclusion() {
  const [period, setPeriod] = useState<ExclusionPeriod>("7d");
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = EXCLUSION_PERIODS.find(([value]) => value === period)![1];
  const confirm = async () => {
    setBusy(true);
    await exclude(period).catch((failure) => {
      notice.value = explain(failure);
      setBusy(false);
    });
  };
  return (
    <section aria-labelledby="exclusion" class="card">
      <h2 id="exclusion">Take a break from Tryst</h2>
      <p>Self-exclusion closes Tryst to you on every device, in the browser, the terminal and telnet, for the time you choose.</p>
      <fieldset disabled={asking}>
        <legend>For how long</legend>
        <div class="periods">
          {EXCLUSION_PERIODS.map(([value, label]) => (
            <label key={value} class="check"><input type="radio" name="period" value={value} checked={period === value}
              onChange={() => setPeriod(value)} />{label}</label>
          ))}
        </div>
      </fieldset>
      {!asking
        ? <p class="buttons"><button type="button" onClick={() => setAsking(true)}>Exclude me for {name}…</button></p>
        : (
          <div class="confirm-exclusion" role="alertdialog" aria-labelledby="exclusion-sure" aria-describedby="exclusion-what">
            <h3 id="exclusion-sure">Exclude yourself for {name}?</h3>
            <p id="exclusion-what">You will be logged out everywhere at once, and no log-in will work for {name}.
              <strong> Nobody can lift it early: not you, not a moderator, not even the operator.</strong> Your account, personas and
              conversations stay as they are; the others see only that you went offline.</p>
            <p class="buttons">
              <button type="button" class="danger" disabled={busy} onClick={confirm}>Yes, exclude me for {name}</button>
              <button type="button" disabled={busy} onClick={() => setAsking(false)}>No, go back</button>
            </p>
          </div>
        )}
    </section>
  );
}
