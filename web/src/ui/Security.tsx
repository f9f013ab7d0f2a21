import { useEffect, useRef, useState } from "preact/hooks";
import { ageReturn, ageStanding, refusal, verifyAge, type AgeStanding } from "../app/age";
import { freshRecoveryCodes } from "../app/state";
import { beginTotp, confirmTotp, renewRecoveryCodes, security, turnOffTotp, type Security } from "../app/tryst";
import { explain } from "./errors";
import { QrCode } from "./QrCode";
import { useStatus } from "./status";

/**
 * The account's way in: an authenticator app as a second factor (set up with a QR code or the
 * secret typed in, confirmed by a first code), turning it off, and new recovery codes; each change
 * asks for the password, and for a code of the app while one is set up.
 */
export function SecuritySettings() {
  const [state, setState] = useState<Security | null>(null);
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [status, say] = useStatus();
  useEffect(() => { security().then(setState, (failure) => say(explain(failure), true)); }, []);

  const run = (work: () => Promise<void>) => (event: Event) => {
    event.preventDefault();
    work().then(() => { setPassword(""); setCode(""); }, (failure) => say(explain(failure), true));
  };
  const begin = run(async () => {
    setSetup(await beginTotp(password, state?.totp ? code : undefined));
    say("Scan the code with your authenticator app, or type the secret into it, then give the six digits it shows.");
  });
  const confirm = run(async () => {
    setState(await confirmTotp(code));
    setSetup(null);
    say("The authenticator app is set up: logging in now asks for its code after the password.");
  });
  const turnOff = run(async () => {
    setState(await turnOffTotp(password, code));
    say("The authenticator app is off: logging in asks for the password alone.");
  });
  const renew = run(async () => {
    await renewRecoveryCodes(password, state?.totp ? code : undefined);
    setState(await security());
  });

  const proof = (
    <>
      <label>Your password<input type="password" autocomplete="current-password" required value={password}
        onInput={(e) => setPassword(e.currentTarget.value)} /></label>
      {state?.totp && <label>Code from the app<input autocomplete="one-time-code" inputMode="numeric" required value={code}
        onInput={(e) => setCode(e.currentTarget.value)} /></label>}
    </>
  );

  return (
    <section aria-labelledby="security" class="card security">
      <h2 id="security">Logging in</h2>
      {state && <p>{state.totp ? "An authenticator app is set up: logging in asks for its code after the password."
        : "Only your password protects this account. An authenticator app adds a code that changes every 30 seconds."}
        {" "}{state.recoveryCodes} of your recovery codes are unused.</p>}
      {setup ? (
        <form onSubmit={confirm} aria-label="Confirm the authenticator app">
          <QrCode text={setup.uri} label="QR code of the new secret, for an authenticator app" />
          <p>Or type this secret into the app: <code class="secret">{setup.secret.replace(/(.{4})/g, "$1 ").trim()}</code></p>
          <label>The six digits the app shows<input autocomplete="one-time-code" inputMode="numeric" required value={code}
            onInput={(e) => setCode(e.currentTarget.value)} /></label>
          <p class="buttons"><button type="submit">Confirm</button>
            <button type="button" onClick={() => setSetup(null)}>Cancel</button></p>
        </form>
      ) : (
        <form onSubmit={begin} aria-label="Set up an authenticator app">
          {proof}
          <p class="buttons">
            <button type="submit">{state?.totp ? "Move to another app" : "Set up an authenticator app"}</button>
            {state?.totp && <button type="button" class="danger" onClick={turnOff}>Turn the app off</button>}
            <button type="button" onClick={renew}>New recovery codes</button>
          </p>
        </form>
      )}
      {status}
    </section>
  );
}

/**
 * Recovery codes just made, shown once over everything until the person says they kept them: each
 * sets a new password if the old one is forgotten, or stands in for the authenticator app.
 */
export function RecoveryCodes() {
  const codes = freshRecoveryCodes.value;
  const dialog = useRef<HTMLElement>(null);
  // The dialog takes the focus, so that a screen reader reads it and the keyboard starts in it.
  useEffect(() => { if (codes.length > 0) dialog.current?.focus(); }, [codes]);
  if (codes.length === 0) return null;
  const text = codes.join("\n") + "\n";
  return (
    <div class="dialog-backdrop">
      <section role="dialog" aria-modal="true" aria-labelledby="recovery-title" class="card dialog recovery-codes" tabIndex={-1} ref={dialog}>
        <h2 id="recovery-title">Your recovery codes</h2>
        <p>Each code works once: it sets a new password if you forget yours ("Forgot your password?"), or stands in
          for your authenticator app. Nobody, not even the operator, can show them to you again.</p>
        <ol class="codes">{codes.map((code) => <li key={code}><code>{code}</code></li>)}</ol>
        <p class="buttons">
          <a class="button" download="tryst-recovery-codes.txt" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}>Download</a>
          <button type="button" onClick={() => navigator.clipboard?.writeText(text)}>Copy</button>
          <button type="button" class="primary" onClick={() => (freshRecoveryCodes.value = [])}>I have kept them</button>
        </p>
      </section>
    </div>
  );
}

/**
 * Age verification, when the server offers it: whether the account is verified (and when), the
 * way to the provider, and what the provider's return said. Only "verified adult on this date by
 * this provider" is kept; never a document or a birthdate.
 */
export function AgeVerification() {
  const [standing, setStanding] = useState<AgeStanding | null>(null);
  useEffect(() => { ageStanding().then(setStanding, () => setStanding(null)); }, []);
  if (!standing || (!standing.available && !standing.required)) return null;
  const returned = ageReturn.value;
  return (
    <section aria-labelledby="age" class="card">
      <h2 id="age">Age verification</h2>
      {returned && <p role="status">{returned.verified ? "Thank you: you are verified as an adult." : refusal(returned.why)}</p>}
      {standing.verified
        ? <p>Verified as an adult{standing.verifiedAt ? ` on ${new Date(standing.verifiedAt).toLocaleDateString()}` : ""}. The server keeps only that
          and the provider's name: no document, no birthdate.</p>
        : <p>{standing.required ? "This server asks its members to verify that they are adults before anything but this page works. "
          : ""}The provider tells the server only whether you are 18 or older; the server keeps that and the date.</p>}
      {!standing.verified && standing.available && <p class="buttons"><button type="button" onClick={verifyAge}>Verify your age</button></p>}
    </section>
  );
}
