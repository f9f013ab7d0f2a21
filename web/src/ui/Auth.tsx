import { useState } from "preact/hooks";
import { login, register } from "../app/tryst";
import { notice } from "../app/state";
import { explain } from "./errors";

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
    setBusy(true);
    try {
      await (mode === "login" ? login(name, password) : register(name, password));
    } catch (failure) {
      setError(explain(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="auth">
      <h1>{mode === "login" ? "Log in" : "Create an account"}</h1>
      {notice.value && <p role="status">{notice.value}</p>}
      <form onSubmit={submit}>
        <label>Username<input name="username" autocomplete="username" required value={name}
          onInput={(e) => setName(e.currentTarget.value)} /></label>
        <label>Password<input name="password" type="password" required minLength={8}
          autocomplete={mode === "login" ? "current-password" : "new-password"} value={password}
          onInput={(e) => setPassword(e.currentTarget.value)} /></label>
        {mode === "register" && (
          <label class="check"><input type="checkbox" checked={adult} onChange={(e) => setAdult(e.currentTarget.checked)} />
            I am 18 or older</label>
        )}
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>{mode === "login" ? "Log in" : "Create account"}</button>
      </form>
      <button class="link" type="button" onClick={() => { setMode(mode === "login" ? "register" : "login"); setError(null); }}>
        {mode === "login" ? "No account yet? Create one" : "Have an account? Log in"}
      </button>
    </main>
  );
}
