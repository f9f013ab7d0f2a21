import { signal } from "@preact/signals";

/**
 * The app lock, as Signal's screen lock: a PIN this device asks for when the page opens on a
 * session that is still logged in, and after a chosen time without use, before it shows anything.
 * It keeps what is on screen from someone who picks up an unlocked device; it is not encryption
 * (the PIN's hash is in this browser's storage, and the session works without it). Logging in with
 * the password unlocks too, since the password is the stronger proof.
 */
export interface LockSetting { salt: string; hash: string; idleMinutes: number; failures: number }

const KEY = "notes.lock";
/** Wrong PINs in a row after which the device logs out, as a phone wipes after too many tries. */
export const MAX_FAILURES = 10;
export const IDLE_CHOICES = [1, 5, 15, 60] as const;
export const MIN_PIN = 4;
export const MAX_PIN = 64;
/** PBKDF2-SHA-256 rounds: OWASP's figure for it; a guess costs a noticeable fraction of a second here. */
const ROUNDS = 600_000;

function stored(): LockSetting | null {
  if (typeof localStorage === "undefined") return null;
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? "null") as LockSetting | null;
    return value && typeof value.hash === "string" && typeof value.salt === "string" ? value : null;
  } catch {
    return null;
  }
}

/** The lock set on this device, or null. */
export const lockSetting = signal<LockSetting | null>(stored());
/** Whether the app is locked now: at load whenever a lock is set. */
export const locked = signal(lockSetting.value !== null);

function save(setting: LockSetting | null): void {
  lockSetting.value = setting;
  if (setting) localStorage.setItem(KEY, JSON.stringify(setting));
  else localStorage.removeItem(KEY);
}

/** Why a PIN cannot be used, or null when it can. */
export function pinProblem(pin: string): string | null {
  if ([...pin].length < MIN_PIN) return `A PIN has at least ${MIN_PIN} characters.`;
  if ([...pin].length > MAX_PIN) return `A PIN has at most ${MAX_PIN} characters.`;
  return null;
}

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

async function derive(pin: string, salt: Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(pin.normalize("NFC")), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations: ROUNDS }, key, 256);
  return base64(new Uint8Array(bits));
}

/** Sets (or changes) the PIN and the idle time; the app stays open. */
export async function setLock(pin: string, idleMinutes: number): Promise<void> {
  const problem = pinProblem(pin);
  if (problem) throw new Error(problem);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  save({ salt: base64(salt), hash: await derive(pin, salt), idleMinutes, failures: 0 });
  locked.value = false;
}

/** Changes only the idle time of the lock set. */
export function setIdleMinutes(idleMinutes: number): void {
  const setting = lockSetting.value;
  if (setting) save({ ...setting, idleMinutes });
}

/** Takes the lock off this device. */
export function removeLock(): void {
  save(null);
  locked.value = false;
}

/** Locks at once, when a lock is set. */
export function lockNow(): void {
  if (lockSetting.value) locked.value = true;
}

/** What a PIN given at the lock did: opened it, was wrong (with the tries left), or was the last try. */
export type Unlocking = { kind: "unlocked" } | { kind: "wrong"; left: number } | { kind: "exhausted" };

/** Tries a PIN. The count of wrong ones survives a reload, so that reloading gives no fresh tries. */
export async function unlock(pin: string): Promise<Unlocking> {
  const setting = lockSetting.value;
  if (!setting) {
    locked.value = false;
    return { kind: "unlocked" };
  }
  const salt = Uint8Array.from(atob(setting.salt), (c) => c.charCodeAt(0));
  if ((await derive(pin, salt)) === setting.hash) {
    save({ ...setting, failures: 0 });
    locked.value = false;
    return { kind: "unlocked" };
  }
  const failures = setting.failures + 1;
  if (failures >= MAX_FAILURES) {
    save(null);
    return { kind: "exhausted" };
  }
  save({ ...setting, failures });
  return { kind: "wrong", left: MAX_FAILURES - failures };
}

/** Logging in with the password opens the app whatever the lock. */
export function signedInAnew(): void {
  locked.value = false;
}

/** Whether a page last used at {@code lastUse} should be locked at {@code now} (both in milliseconds). */
export function idleTooLong(lastUse: number, now: number, idleMinutes: number): boolean {
  return now - lastUse >= idleMinutes * 60_000;
}

/**
 * Locks the app after the idle time without a key, a tap or a pointer movement, checked every few
 * seconds and when the page comes back into view (a phone's browser stops timers in the background).
 * Returns what stops the watch.
 */
export function watchIdle(): () => void {
  let lastUse = Date.now();
  const used = () => (lastUse = Date.now());
  const check = () => {
    const setting = lockSetting.value;
    if (setting && !locked.value && idleTooLong(lastUse, Date.now(), setting.idleMinutes)) locked.value = true;
  };
  const uses = ["keydown", "pointerdown", "pointermove", "wheel", "touchstart"] as const;
  uses.forEach((event) => window.addEventListener(event, used, { passive: true, capture: true }));
  document.addEventListener("visibilitychange", check);
  const timer = setInterval(check, 5_000);
  return () => {
    uses.forEach((event) => window.removeEventListener(event, used, { capture: true }));
    document.removeEventListener("visibilitychange", check);
    clearInterval(timer);
  };
}
