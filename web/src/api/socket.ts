import type { ClientMessage, ErrorReply, ServerMessage } from "./protocol";

/** A request the server refused, with the error's stable code (see docs/protocol.md). */
export class Refused extends Error {
  constructor(readonly code: string, message: string, readonly retryAfterMs?: number) {
    super(message);
  }
}

/** The part of the browser's WebSocket this client uses, so that tests can stand in for it. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => unknown) | null;
  onmessage: ((event: MessageEvent) => unknown) | null;
  onclose: ((event: CloseEvent) => unknown) | null;
}

export interface Options {
  /** Opens a socket to the server's /ws. */
  open(): SocketLike;
  /** A fresh single-use ticket for hello, from the HTTP API. */
  ticket(): Promise<string>;
  /** Called once the socket said hello, the first time and after every reconnect. */
  ready(welcome: ServerMessage): Promise<void> | void;
  /** Events: messages that answer no request. */
  event(message: ServerMessage): void;
  /** The connection's state, for the screen. */
  state(state: "connecting" | "open" | "offline"): void;
  /** Why the server ended the session (it will not reconnect then), with the refusal that ended it when there was one. */
  ended(reason: string, refusal?: Refused): void;
  /** Milliseconds to wait before the n-th reconnect. */
  backoff?(attempt: number): number;
}

/** Waits that grow from half a second to half a minute, with jitter so that clients do not return together. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}

const SESSION_ENDED = 4001;
/**
 * Refusals of a ticket or hello that trying again cannot change for now: the session is gone, or
 * the person's own limit keeps them out (docs/protocol.md "Wellbeing") until a time the refusal says.
 */
const FINAL = new Set(["session_invalid", "daily_limit", "quiet_hours", "excluded"]);

/**
 * One logical connection to the server that survives network drops: it says hello with a fresh
 * ticket, answers each request's promise with its reply (or rejects it with {@link Refused}),
 * hands events over in order, and reconnects by itself with growing waits when the socket drops.
 */
export class Connection {
  private socket: SocketLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<string, { resolve(reply: ServerMessage): void; reject(error: Error): void }>();
  private attempt = 0;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: Options) {}

  /** Connects; resolves once the first hello is answered. */
  start(): Promise<void> {
    return this.connect();
  }

  /** Sends a request and resolves with its reply. */
  request<T extends ServerMessage = ServerMessage>(type: string, fields: Record<string, unknown> = {}): Promise<T> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Refused("offline", "Not connected; trying again shortly."));
    const id = `w${this.nextId++}`;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (reply) => resolve(reply as T), reject });
      socket.send(JSON.stringify({ type, id, ...fields } satisfies ClientMessage));
    });
  }

  /**
   * The network is gone (the browser says so): close the socket now rather than wait for TCP to
   * notice, and reconnect as the network allows.
   */
  drop(): void {
    this.socket?.close(4000, "offline");
  }

  /** The network is back: try at once instead of waiting out the backoff. */
  reconnectNow(): void {
    if (this.stopped || this.socket) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.connect().catch(() => undefined);
  }

  /** The server is about to close the socket (the account is being deleted): let it, and do not come back. */
  letGo(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Closes for good: no reconnect. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close(1000, "bye");
    this.socket = null;
    this.failPending("closed", "Closed.");
  }

  private async connect(): Promise<void> {
    this.options.state("connecting");
    let ticket: string;
    try {
      ticket = await this.options.ticket();
    } catch (failure) {
      if (failure instanceof Refused && FINAL.has(failure.code)) {
        this.stopped = true;
        this.options.ended("Your session ended. Log in again.", failure);
      } else if (!this.stopped) {
        this.retry(); // the network, most likely: try again later
      }
      throw failure;
    }
    const socket = this.options.open();
    this.socket = socket;
    return new Promise<void>((resolve, reject) => {
      socket.onopen = () => {
        this.request("hello", { version: 1, ticket }).then(async (welcome) => {
          this.attempt = 0;
          await this.options.ready(welcome);
          this.options.state("open");
          resolve();
        }, (failure) => {
          if (failure instanceof Refused && FINAL.has(failure.code) && !this.stopped) {
            this.stopped = true;
            this.options.ended("Your session ended. Log in again.", failure);
          }
          reject(failure);
        });
      };
      socket.onmessage = (event) => this.received(String(event.data));
      socket.onclose = (event) => {
        if (this.socket === socket) this.socket = null;
        this.failPending("offline", "The connection dropped.");
        if (event.code === SESSION_ENDED && !this.stopped) {
          this.stopped = true;
          this.options.ended("Your session ended. Log in again.");
        }
        if (!this.stopped) this.retry();
        reject(new Refused("offline", "Could not connect."));
      };
    });
  }

  private retry(): void {
    this.options.state("offline");
    const wait = (this.options.backoff ?? backoff)(this.attempt++);
    this.timer = setTimeout(() => {
      this.connect().catch(() => undefined); // a failed attempt schedules the next through onclose
    }, wait);
  }

  private received(text: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(text) as ServerMessage;
    } catch {
      return; // not ours to understand; the server only sends JSON
    }
    const waiting = message.id ? this.pending.get(message.id) : undefined;
    if (!waiting) {
      this.options.event(message);
      return;
    }
    this.pending.delete(message.id!);
    if (message.type === "error") {
      const error = message as ErrorReply;
      waiting.reject(new Refused(error.code, error.message, error.retryAfterMs));
    } else {
      waiting.resolve(message);
    }
  }

  private failPending(code: string, why: string): void {
    for (const waiting of this.pending.values()) waiting.reject(new Refused(code, why));
    this.pending.clear();
  }
}
