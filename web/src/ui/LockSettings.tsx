import { useState } from "preact/hooks";
import { IDLE_CHOICES, MAX_PIN, lockSetting, pinProblem, removeLock, setIdleMinutes, setLock } from "../app/lock";
import { notice } from "../app/state";

const idleLabel = (minutes: number) => (minutes === 60 ? "1 hour" : `${minutes} minute${minutes === 1 ? "" : "s"}`);

/** Account settings of the app lock on this device: a PIN, how long without use before it locks, or no lock. */
export function LockSettings() {
  const setting = lockSetting.value;
  const [pin, setPin] = useState("");
  const [again, setAgain] = useState("");
  const [idle, setIdle] = useState<number>(setting?.idleMinutes ?? 5);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = pinProblem(pin) ?? (pin !== again ? "The two PINs differ." : null);
    setError(problem);
    if (problem) return;
    await setLock(pin, idle);
    setPin("");
    setAgain("");
    notice.value = `This device now locks after ${idleLabel(idle)} without use, and when the page opens.`;
  };

  const chooseIdle = (minutes: number) => {
    setIdle(minutes);
    if (setting) setIdleMinutes(minutes);
  };

  return (
    <form onSubmit={submit} aria-labelledby="app-lock" class="lock-settings">
      <h3 id="app-lock">App lock</h3>
      <p class="muted hint" id="app-lock-what">A PIN asked when this page opens and after a while without use, so that someone who
        picks up this device sees nothing. It is not encryption. Forgot the PIN? The lock screen lets you log out, and your password
        opens the app again.</p>
      <label>Lock after
        <select value={idle} onChange={(e) => chooseIdle(Number(e.currentTarget.value))}>
          {IDLE_CHOICES.map((minutes) => <option key={minutes} value={minutes}>{idleLabel(minutes)} without use</option>)}
        </select>
      </label>
      <label>{setting ? "New PIN" : "PIN"}<input type="password" inputMode="numeric" autocomplete="new-password" value={pin}
        maxLength={MAX_PIN} aria-describedby="app-lock-what" onInput={(e) => setPin(e.currentTarget.value)} /></label>
      <label>The same PIN again<input type="password" inputMode="numeric" autocomplete="new-password" value={again}
        onInput={(e) => setAgain(e.currentTarget.value)} /></label>
      {error && <p class="error" role="alert">{error}</p>}
      <p class="buttons">
        <button type="submit">{setting ? "Change the PIN" : "Lock with this PIN"}</button>
        {setting && <button type="button" onClick={() => { removeLock(); notice.value = "This device no longer locks."; }}>Remove the lock</button>}
      </p>
    </form>
  );
}
