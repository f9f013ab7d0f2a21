import { Refused } from "./socket";

/**
 * The HTTP half of the protocol: register, log in, socket tickets and log out. The browser keeps
 * the session in an HttpOnly cookie that scripts cannot read, so a token never sits in the page.
 */
async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  if (response.status === 204) return undefined as T;
  const answer = await response.json().catch(() => ({ code: "internal", message: "The server answered strangely." }));
  if (!response.ok) throw new Refused(answer.code, answer.message, answer.retryAfterMs);
  return answer as T;
}

/** In, with a session; a registration also carries the recovery codes, shown this once. */
export interface LoggedIn { username: string; session: string; expiresAt: number; recoveryCodes?: string[] }
/** The password was right, and the account has an authenticator app: the log-in waits for a code. */
export interface CodeNeeded { secondFactor: "totp"; pending: string; expiresAt: number }

export const register = (username: string, password: string) =>
  post<LoggedIn>("/api/register", { username, password, adult: true });

export const login = (username: string, password: string) => post<LoggedIn | CodeNeeded>("/api/login", { username, password });

/** The second step of a log-in: a code of the app, or a recovery code. */
export const loginWithCode = (pending: string, code: string) => post<LoggedIn>("/api/login/code", { pending, code });

/** A new password set with a recovery code (or an operator's one-time code); every session of the account ends. */
export const recover = (username: string, code: string, password: string) =>
  post<LoggedIn | CodeNeeded>("/api/recover", { username, code, password });

export const waitsForCode = (answer: LoggedIn | CodeNeeded): answer is CodeNeeded => "pending" in answer;

export const logout = () => post<void>("/api/logout", {});

/** Whether the session cookie names a valid session (asked on load), and whose. */
export const session = () => post<{ signedIn: boolean; username?: string }>("/api/session", {});

/** A fresh single-use ticket for the socket; refused with session_invalid when nobody is logged in. */
export const ticket = async () => (await post<{ ticket: string }>("/api/tickets", {})).ticket;
