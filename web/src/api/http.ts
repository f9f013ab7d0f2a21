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

export interface LoggedIn { username: string; session: string; expiresAt: number }

export const register = (username: string, password: string) =>
  post<LoggedIn>("/api/register", { username, password, adult: true });

export const login = (username: string, password: string) => post<LoggedIn>("/api/login", { username, password });

export const logout = () => post<void>("/api/logout", {});

/** Whether the session cookie names a valid session (asked on load), and whose. */
export const session = () => post<{ signedIn: boolean; username?: string }>("/api/session", {});

/** A fresh single-use ticket for the socket; refused with session_invalid when nobody is logged in. */
export const ticket = async () => (await post<{ ticket: string }>("/api/tickets", {})).ticket;
