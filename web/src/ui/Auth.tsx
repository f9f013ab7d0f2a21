import { useState } from "preact/hooks";
import { login, loginWithCode, recover, register } from "../app/tryst";
import { notice } from "../app/state";
import { Refused } from "../api/socket";
import { explain, FITS, RULES } from "./errors";

type Mode = "login" | "register" | "recover";

const TITLES: Record<Mode, string> = { login: "Log in", register: "Create an account", recover: "Set a new password" };

/**
 * Log in, or register after confirming to be an adult, or set a new password with a recovery
 * code; an account with an authenticator app then asks for its code.
 */
export function Auth() {
  const [mode, setMode] = useState<Mode>("login");
  const [pending, setPending] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [adult, setAdult] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const attempt = async (work: () => Promise<string | null | void>, field?: "username") => {
    setError(null);
    setBusy(true);
    try {
      const waiting = await work();
      if (waiting) {
        setPending(waiting);
        setCode("");
      }
    } catch (failure) {
      if (failure instanceof Refused && failure.code === "login_expired") setPending(null);
      setError(explain(failure, field));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (pending) return attempt(() => loginWithCode(pending, code.trim()));
    if (mode === "register" && !adult) return setError("Tryst is for adults only: confirm that you are 18 or older.");
    if (mode === "register" && !FITS.username(name)) return setError(RULES.username);
    if (mode === "recover") return attempt(() => recover(name, code.trim(), password));
    return attempt(() => (mode === "login" ? login(name, password) : register(name, password)), mode === "register" ? "username" : undefined);
  };

  const switchTo = (next: Mode) => {
    setMode(next);
    setPending(null);
    setCode("");
    setError(null);
  };

  if (pending) {
    return (
      <main class="auth card" data-view="code">
        <h1>Your code</h1>
        <form onSubmit={submit}>
          <label>Code from your authenticator app<input name="code" autocomplete="one-time-code" inputMode="numeric" required
            autoFocus value={code} aria-describedby="code-hint" onInput={(e) => setCode(e.currentTarget.value)} /></label>
          <p id="code-hint" class="muted hint">Six digits from the app, or one of your recovery codes if you lost it.</p>
          {error && <p class="error" role="alert">{error}</p>}
          <p class="buttons"><button type="submit" disabled={busy}>Log in</button></p>
        </form>
        <button class="link" type="button" onClick={() => switchTo("login")}>Start again</button>
      </main>
    );
  }

  return (
    <main class="auth card" data-view={mode}>
      <h1>{TITLES[mode]}</h1>
      {notice.value && <p role="status">{notice.value}</p>}
      <form onSubmit={submit}>
        <label>Username<input name="username" autocomplete="username" autocapitalize="none" required value={name}
          aria-describedby={mode === "register" ? "username-rule" : undefined} onInput={(e) => setName(e.currentTarget.value)} /></label>
        {mode === "register" && <p id="username-rule" class="muted hint">{RULES.username} Others never see it: they see your personas.</p>}
        {mode === "recover" && (
          <label>Recovery code<input name="recovery-code" autocomplete="off" autocapitalize="none" required value={code}
            aria-describedby="recovery-hint" onInput={(e) => setCode(e.currentTarget.value)} /></label>
        )}
        {mode === "recover" && <p id="recovery-hint" class="muted hint">One of the ten codes you kept when you made the account, or
          the one-time code the operator gave you. Every device logged in to the account is logged out.</p>}
        <label>{mode === "recover" ? "New password" : "Password"}<input name="password" type="password" required minLength={8}
          autocomplete={mode === "login" ? "current-password" : "new-password"} value={password}
          aria-describedby={mode === "login" ? undefined : "password-rule"} onInput={(e) => setPassword(e.currentTarget.value)} /></label>
        {mode !== "login" && <p id="password-rule" class="muted hint">8 to 1,024 characters; a long phrase of your own is best.</p>}
        {mode === "register" && (
          <label class="check"><input type="checkbox" checked={adult} onChange={(e) => setAdult(e.currentTarget.checked)} />
            I am 18 or older</label>
        )}
        {error && <p class="error" role="alert">{error}</p>}
        <p class="buttons"><button type="submit" disabled={busy}>{mode === "register" ? "Create account" : mode === "recover" ? "Set password" : "Log in"}</button></p>
      </form>
      {mode === "login" && <button class="link" type="button" onClick={() => switchTo("recover")}>Forgot your password?</button>}
      <button class="link" type="button" onClick={() => switchTo(mode === "login" ? "register" : "login")}>
        {mode === "login" ? "No account yet? Create one" : "Have an account? Log in"}
      </button>
    </main>
  );
}
