/**
 * Tells the server how far the person has read each channel (`channel.read`), so that the counts on
 * their other devices clear and the next visit starts where this one ended. A channel's newest line
 * counts as read once it is on the screen of a page in front; marks wait a moment so that a busy
 * channel is marked about once a second, not at every line, and a line already marked is not sent
 * again. Marks that could not be sent (the socket was down) go when it is back.
 */

/** How long a mark waits for newer lines before it is sent. */
export const WAIT_MS = 1000;

/** Sends one mark; rejected when it could not be sent and should be tried again (the socket was down). */
export type Send = (persona: string, channel: string, message: string) => Promise<unknown>;

/** A mark: the persona, and the newest line of the channel seen. */
interface Mark { persona: string; channel: string; message: string }

const key = (mark: { persona: string; channel: string }) => `${mark.persona}\n${mark.channel}`;

/** The marks for one socket's life and the next: what waits, and the newest sent (or heard of) per persona and channel. */
export class ReadMarks {
  private readonly waiting = new Map<string, Mark>();
  private readonly sent = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private send: Send | null = null;

  constructor(private readonly visible: () => boolean) {}

  /** Sends marks this way from now on, and what waits at once (after the wait): on every connection opened. */
  start(send: Send): void {
    this.send = send;
    this.soon();
  }

  /** The channel's newest line is on the screen. */
  shown(persona: string, channel: string, message: string): void {
    const mark = { persona, channel, message };
    if (!this.newer(mark)) return;
    this.waiting.set(key(mark), mark);
    this.soon();
  }

  /** A device of the person marked the channel (this one included): a line up to there needs no mark from here. */
  heard(persona: string, channel: string, message: string): void {
    const mark = { persona, channel, message };
    if (this.newer(mark)) this.sent.set(key(mark), message);
    const waiting = this.waiting.get(key(mark));
    if (waiting && !this.newer(waiting)) this.waiting.delete(key(mark));
  }

  /** Sends what waits, after the wait: on a connection (re)opened, and when the page comes to the front. */
  soon(): void {
    if (this.timer === null && this.waiting.size > 0) this.timer = setTimeout(() => this.flush(), WAIT_MS);
  }

  /** Forgets every mark: on logout and when the panic key hides the page. */
  forget(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.waiting.clear();
    this.sent.clear();
  }

  private flush(): void {
    this.timer = null;
    const send = this.send;
    if (!send) return;
    // Lines on the screen of a page behind others are not read yet; they go when it is in front (soon()).
    if (!this.visible()) return;
    for (const mark of [...this.waiting.values()]) {
      this.waiting.delete(key(mark));
      this.sent.set(key(mark), mark.message);
      send(mark.persona, mark.channel, mark.message).catch(() => {
        // Not sent: unless a newer mark came meanwhile, it waits for the next connection.
        if (this.sent.get(key(mark)) === mark.message) this.sent.delete(key(mark));
        if (!this.waiting.has(key(mark))) this.waiting.set(key(mark), mark);
      });
    }
  }

  /** Whether a mark is past the newest line sent for its channel (ids sort by time). */
  private newer(mark: Mark): boolean {
    const sent = this.sent.get(key(mark));
    return sent === undefined || mark.message > sent;
  }
}

/** This page's marks; the connection gives it its way of sending them when it opens. */
export const readMarks = new ReadMarks(() => typeof document === "undefined" || document.visibilityState === "visible");

// Lines shown while the page was behind others are read once it is in front again.
if (typeof document !== "undefined") {
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") readMarks.soon();
  });
}
