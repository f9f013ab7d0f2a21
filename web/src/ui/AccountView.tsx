import { useEffect, useState } from "preact/hooks";
import type { Block, Report, Session } from "../api/protocol";
import { go } from "../app/navigation";
import { notice, username } from "../app/state";
import { blocks, changeBlocks, deleteAccount, logout, myReports, revokeSession, sessions } from "../app/tryst";
import { ViewHeader } from "./Bar";
import { explain } from "./errors";
import { LockSettings } from "./LockSettings";
import { HighlightWords } from "./HighlightWords";
import { useNarrow } from "./media";
import { notifying, setNotifying } from "./notify";
import { setTheme, theme, type Theme } from "./theme";
import { shareTyping } from "../app/typing";
import { setShareTyping } from "../app/typingSession";
import { useStatus } from "./status";
import { AgeVerification, SecuritySettings } from "./Security";

const STATUS = { open: "waiting for a moderator", actioned: "a moderator acted on it", dismissed: "a moderator looked and took no action" } as const;

/** The account: where it is logged in, your reports and where they stand, logging out, and deleting it with everything in it. */
export function AccountView() {
  const narrow = useNarrow();
  const [list, setList] = useState<Session[]>([]);
  const [password, setPassword] = useState("");
  const [reports, setReports] = useState<Report[]>([]);
  const reload = () => sessions().then(setList, (failure) => (notice.value = explain(failure)));
  useEffect(() => {
    reload();
    myReports().then(setReports, (failure) => (notice.value = explain(failure)));
  }, []);

  const remove = async (event: Event) => {
    event.preventDefault();
    if (!confirm("Delete your account, its personas and everything they said? This cannot be undone.")) return;
    await deleteAccount(password).catch((failure) => (notice.value = explain(failure)));
  };

  return (
    <>
    <ViewHeader narrow={narrow} title="Account" sub={username.value}>
      <button type="button" onClick={() => logout()}>Log out</button>
    </ViewHeader>
    <div class="page account">
      <section aria-labelledby="appearance" class="card">
        <h2 id="appearance">On this device</h2>
        <Appearance />
        <label class="check"><input type="checkbox" checked={notifying.value}
          onChange={(e) => setNotifying(e.currentTarget.checked)} />
          Tell me when something new arrives (the notification never shows who or what)</label>
        <LockSettings />
        <HighlightWords />
      </section>
      <AgeVerification />
      <SecuritySettings />
      <TypingSetting />
      <section aria-labelledby="own-limits" class="card">
        <h2 id="own-limits">Limits for yourself</h2>
        <p>A daily time budget, quiet hours, break reminders, or a break from Tryst: the server keeps them on every device.</p>
        <p class="buttons"><button type="button" onClick={() => go({ kind: "limits" })}>Open Limits</button></p>
      </section>
      <section aria-labelledby="sessions" class="card">
        <h2 id="sessions">Logged in on</h2>
        <ul>{list.map((session) => (
          <li key={session.id}>
            {session.userAgent || "a device"} · since {new Date(session.createdAt).toLocaleString()}
            {session.current ? " (this one)" : (
              <button type="button" class="inline-button" onClick={() => revokeSession(session.id).then(reload, (failure) => (notice.value = explain(failure)))}>
                Log it out</button>
            )}
          </li>
        ))}</ul>
      </section>
      <BlockList />
      {reports.length > 0 && (
        <section aria-labelledby="reports" class="card">
          <h2 id="reports">Your reports</h2>
          <ul>{reports.map((report) => (
            <li key={report.id}>
              {new Date(report.at).toLocaleString()} · {report.reported?.name ?? "someone"}: “{report.text}” · {report.reason} ·{" "}
              {report.verification === "verified" ? "verified" : "not verified"} · {STATUS[report.status]}
            </li>
          ))}</ul>
        </section>
      )}
      <YourData />
      <form onSubmit={remove} aria-labelledby="delete" class="card">
        <h2 id="delete">Delete the account</h2>
        <label>Your password<input type="password" autocomplete="current-password" required value={password}
          onInput={(e) => setPassword(e.currentTarget.value)} /></label>
        <p class="buttons"><button type="submit" class="danger">Delete account</button></p>
      </form>
    </div>
    </>
  );
}

/** What the server keeps of the account and for how long, and the download of all of it. */
function YourData() {
  return (
    <section aria-labelledby="your-data" class="card keeps">
      <h2 id="your-data">Your data</h2>
      <p>What this server keeps of you, and for how long:</p>
      <dl>
        <dt>Your account</dt><dd>username, password (only as an Argon2id hash), when you confirmed being an adult, your sessions
          and devices, your own limits and use per day: until you delete the account.</dd>
        <dt>Your personas</dt><dd>profiles, pictures, statuses, boundaries, board ads, place in the world: until you delete them.
          An ad goes when it expires.</dd>
        <dt>What you write in channels and the world</dt><dd>kept for the channels' history time, then deleted.</dd>
        <dt>Private scenes</dt><dd>only ciphertext the server cannot read, until each message's disappearing timer runs out.
          The text is only on your devices.</dd>
        <dt>Reports and blocks you made</dt><dd>until you delete the account; moderators' decisions stay in their audit log.</dd>
        <dt>Typing and calls</dt><dd>passed on, never stored.</dd>
      </dl>
      <p class="buttons"><a class="button" href="/api/export" download>Download my data</a></p>
      <p class="muted hint">A zip of JSON files, with a README saying what each holds. Nothing of anyone else is in it.</p>
    </section>
  );
}

/** Whether the account shares typing: the server keeps it, for every device; off, nobody sees you type and you see nobody. */
function TypingSetting() {
  const [status, say] = useStatus();
  const change = (share: boolean) => setShareTyping(share).then(
    () => say(share ? "Others see when you type, and you see when they do." : "Nobody sees when you type, and you see nobody typing."),
    (failure) => say(explain(failure), true));
  return (
    <section aria-labelledby="typing-setting" class="card">
      <h2 id="typing-setting">Typing</h2>
      <label class="check"><input type="checkbox" checked={shareTyping.value} onChange={(e) => change(e.currentTarget.checked)} />
        Show when I am typing, and show me when others are (in channels, the world and scenes; on every device)</label>
      {status}
    </section>
  );
}

const THEMES: [Theme, string][] = [["system", "As the system"], ["light", "Light"], ["dark", "Dark"]];

/** Light or dark, or as the system says; kept in this browser only. */
function Appearance() {
  return (
    <fieldset class="appearance">
      <legend>Appearance</legend>
      {THEMES.map(([value, name]) => (
        <label key={value} class="check">
          <input type="radio" name="theme" value={value} checked={theme.value === value} onChange={() => setTheme(value)} />{name}
        </label>
      ))}
    </fieldset>
  );
}

/** Whom the account blocked or muted, with the way back; the list is the account's, for all its personas. */
function BlockList() {
  const [list, setList] = useState<Block[]>([]);
  useEffect(() => { blocks().then(setList, (failure) => (notice.value = explain(failure))); }, []);
  const lift = (entry: Block) => changeBlocks(entry.kind === "block" ? "unblock" : "unmute", entry.persona.id)
    .then(setList, (failure) => (notice.value = explain(failure)));
  return (
    <section aria-labelledby="blocked" class="card">
      <h2 id="blocked">Blocked and muted</h2>
      {list.length === 0 && <p class="muted">Nobody. Block or mute from a persona's profile.</p>}
      <ul>{list.map((entry) => (
        <li key={entry.kind + entry.persona.id}>
          {entry.persona.name} · {entry.kind === "mute" ? "muted" : entry.scope === "account" ? "blocked, with everyone behind it" : "blocked"}
          {" "}since {new Date(entry.at).toLocaleDateString()}{" "}
          <button type="button" class="inline-button" onClick={() => lift(entry)}>{entry.kind === "block" ? "Unblock" : "Unmute"}</button>
        </li>
      ))}</ul>
    </section>
  );
}
