import { useState } from "preact/hooks";
import { MAX_FAILURES, lockSetting, removeLock, unlock } from "../app/lock";
import { notice } from "../app/state";
import { logout } from "../app/tryst";

/**
 * What a locked app shows instead of everything else: the PIN, and the way out for whoever forgot
 * it (logging out, after which the password opens the app again). Nothing of the conversations is
 * in the page meanwhile, though they keep arriving.
 */
export function LockScreen() {
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await unlock(pin);
    setBusy(false);
    setPin("");
    if (result.kind === "wrong") {
      setError(`That is not the PIN. ${result.left} ${result.left === 1 ? "try" : "tries"} left before this device logs out.`);
    } else if (result.kind === "exhausted") {
      await logout();
      notice.value = `${MAX_FAILURES} wrong PINs in a row: this device logged out. Log in with your password.`;
    }
  };

  const forgot = async () => {
    removeLock();
    await logout();
  };

  const failures = lockSetting.value?.failures ?? 0;
  return (
    <main class="auth card" data-view="locked">
      <h1>Locked</h1>
      <form onSubmit={submit}>
        <label>PIN<input type="password" inputMode="numeric" autocomplete="off" required autoFocus value={pin}
          aria-describedby="lock-rule" onInput={(e) => setPin(e.currentTarget.value)} /></label>
        <p id="lock-rule" class="muted hint">
          {failures > 0 && !error ? `${MAX_FAILURES - failures} tries left before this device logs out. ` : ""}
          After {MAX_FAILURES} wrong PINs in a row this device logs out.</p>
        {error && <p class="error" role="alert">{error}</p>}
        <p class="buttons"><button type="submit" disabled={busy}>{busy ? "Checking…" : "Unlock"}</button></p>
      </form>
      <button class="link" type="button" onClick={forgot}>Forgot the PIN? Log out, and log in with your password</button>
    </main>
  );
}
