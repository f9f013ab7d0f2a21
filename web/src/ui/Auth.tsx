import { useState } from "preact/hooks";
import { login, register } from "../app/tryst";
import { notice } from "../app/state";
import { explain, FITS, RULES } from "./errors";

/** Log in, or register after confirming to be an adult. */
export function Auth() {
  const [mode, setMode] = useState<"login" | "register">("login");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [adult, setAdult] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (mode === "register" && !adult) {
      setError("Tryst is for adults only: confirm that you are 18 or older.");
      return;
    }
    if (mode === "register" && !FITS.username(name)) {
      setError(RULES.username);
      return;
    }
    setBusy(true);
    try {
      await (mode === "login" ? login(name, password) : register(name, password));
    } catch (failure) {
      setError(explain(failure, mode === "register" ? "username" : undefined));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="auth card" data-view={mode}>
      <h1>{mode === "login" ? "Log in" : "Create an account"}</h1>
      {notice.value && <p role="status">{notice.value}</p>}
      <form onSubmit={submit}>
        <label>Username<input name="username" autocomplete="username" autocapitalize="none" required value={name}
          aria-describedby={mode === "register" ? "username-rule" : undefined} onInput={(e) => setName(e.currentTarget.value)} /></label>
        {mode === "register" && <p id="username-rule" class="muted hint">{RULES.username} Others never see it: they see your personas.</p>}
        <label>Password<input name="password" type="password" required minLength={8}
          autocomplete={mode === "login" ? "current-password" : "new-password"} value={password}
          aria-describedby={mode === "register" ? "password-rule" : undefined} onInput={(e) => setPassword(e.currentTarget.value)} /></label>
        {mode === "register" && <p id="password-rule" class="muted hint">8 to 1,024 characters; a long phrase of your own is best.</p>}
        {mode === "register" && (
          <label class="check"><input type="checkbox" checked={adult} onChange={(e) => setAdult(e.currentTarget.checked)} />
            I am 18 or older</label>
        )}
        {error && <p class="error" role="alert">{error}</p>}
        <p class="buttons"><button type="submit" disabled={busy}>{mode === "login" ? "Log in" : "Create account"}</button></p>
      </form>
      <button class="link" type="button" onClick={() => { setMode(mode === "login" ? "register" : "login"); setError(null); }}>
        {mode === "login" ? "No account yet? Create one" : "Have an account? Log in"}
      </button>
    </main>
  );
}
