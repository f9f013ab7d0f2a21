import { describe, expect, test, vi } from "vitest";
import { backoff, Connection, Refused, type SocketLike } from "./socket";

/** A socket the test drives by hand: it records what the client sends and delivers what the test says. */
class FakeSocket implements SocketLike {
  sent: Record<string, unknown>[] = [];
  onopen: ((event: Event) => unknown) | null = null;
  onmessage: ((event: MessageEvent) => unknown) | null = null;
  onclose: ((event: CloseEvent) => unknown) | null = null;
  send(data: string) { this.sent.push(JSON.parse(data)); }
  close() {}
  reply(to: number, message: Record<string, unknown>) { this.deliver({ ...message, id: this.sent[to].id }); }
  event(message: Record<string, unknown>) { this.deliver(message); }
  drop(code: number) { this.onclose?.({ code } as CloseEvent); }
  private deliver(message: Record<string, unknown>) { this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent); }
}

function harness(ticket?: () => Promise<string>) {
  const sockets: FakeSocket[] = [];
  const events: unknown[] = [];
  const states: string[] = [];
  let tickets = 0;
  const connection = new Connection({
    open: () => { const socket = new FakeSocket(); sockets.push(socket); queueMicrotask(() => socket.onopen?.({} as Event)); return socket; },
    ticket: ticket ?? (async () => `ticket-${++tickets}`),
    ready: () => undefined,
    event: (message) => events.push(message),
    state: (state) => states.push(state),
    ended: (_reason, refusal) => states.push(refusal ? `ended: ${refusal.code}` : "ended"),
    backoff: () => 10,
  });
  return { connection, sockets, events, states };
}

async function opened(h: ReturnType<typeof harness>, index = 0) {
  await vi.waitFor(() => expect(h.sockets[index]?.sent[0]?.type).toBe("hello"));
  h.sockets[index].reply(0, { type: "welcome" });
}

describe("Connection", () => {
  test("says hello with a fresh ticket and matches replies to requests by id", async () => {
    const h = harness();
    const started = h.connection.start();
    await opened(h);
    await started;
    expect(h.sockets[0].sent[0]).toMatchObject({ type: "hello", version: 1, ticket: "ticket-1" });
    const first = h.connection.request("persona.list");
    const second = h.connection.request("channel.list");
    h.sockets[0].reply(2, { type: "channels", channels: [] });
    h.sockets[0].reply(1, { type: "personas", personas: [] });
    expect((await first).type).toBe("personas");
    expect((await second).type).toBe("channels");
  });

  test("an error reply rejects with its code, and events go to the listener", async () => {
    const h = harness();
    const started = h.connection.start();
    await opened(h);
    await started;
    const join = h.connection.request("channel.join", { channel: "x" });
    h.sockets[0].event({ type: "presence", channel: "x" });
    h.sockets[0].reply(1, { type: "error", code: "not_found", message: "no such channel" });
    await expect(join).rejects.toEqual(new Refused("not_found", "no such channel"));
    expect(h.events).toEqual([{ type: "presence", channel: "x" }]);
  });

  test("reconnects with a new ticket after a drop, failing what was in flight", async () => {
    const h = harness();
    const started = h.connection.start();
    await opened(h);
    await started;
    const lost = h.connection.request("persona.list");
    h.sockets[0].drop(1006);
    await expect(lost).rejects.toMatchObject({ code: "offline" });
    await opened(h, 1);
    expect(h.sockets[1].sent[0]).toMatchObject({ type: "hello", ticket: "ticket-2" });
    await vi.waitFor(() => expect(h.states.at(-1)).toBe("open"));
  });

  test("does not reconnect once the server ended the session", async () => {
    const h = harness();
    const started = h.connection.start();
    await opened(h);
    await started;
    h.sockets[0].drop(4001);
    await new Promise((done) => setTimeout(done, 50));
    expect(h.sockets).toHaveLength(1);
    expect(h.states).toContain("ended");
  });
});

describe("a limit the person set", () => {
  test("a hello refused by it ends the connection with the refusal, and no retry", async () => {
    const h = harness();
    const refused = expect(h.connection.start()).rejects.toMatchObject({ code: "quiet_hours", retryAfterMs: 60_000 });
    await vi.waitFor(() => expect(h.sockets[0]?.sent[0]?.type).toBe("hello"));
    h.sockets[0].reply(0, { type: "error", code: "quiet_hours", message: "quiet", retryAfterMs: 60_000 });
    await new Promise((done) => setTimeout(done, 0)); // the close comes in a task after the error's
    h.sockets[0].drop(4003);
    await refused;
    await new Promise((done) => setTimeout(done, 50));
    expect(h.sockets).toHaveLength(1);
    expect(h.states).toContain("ended: quiet_hours");
  });

  test("a ticket refused by it ends the connection too, while other refusals are retried", async () => {
    const excluded = harness(() => Promise.reject(new Refused("excluded", "until", 5_000)));
    await expect(excluded.connection.start()).rejects.toMatchObject({ code: "excluded" });
    expect(excluded.states).toEqual(["connecting", "ended: excluded"]);
    let tries = 0;
    const flaky = harness(() => (++tries === 1 ? Promise.reject(new Refused("internal", "down")) : Promise.resolve("t")));
    await flaky.connection.start().catch(() => undefined);
    await vi.waitFor(() => expect(flaky.sockets).toHaveLength(1));
    expect(flaky.states).not.toContain("ended");
    flaky.connection.stop();
  });
});

describe("backoff", () => {
  test("grows to half a minute and never waits less than half its ceiling", () => {
    expect(backoff(0, () => 0)).toBe(250);
    expect(backoff(0, () => 1)).toBe(500);
    expect(backoff(3, () => 1)).toBe(4_000);
    expect(backoff(50, () => 1)).toBe(30_000);
    expect(backoff(50, () => 0)).toBe(15_000);
  });
});

describe("network changes", () => {
  test("dropping closes the socket, and reconnecting at once skips the wait", async () => {
    const h = harness();
    const started = h.connection.start();
    await opened(h);
    await started;
    h.sockets[0].close = () => h.sockets[0].drop(4000);
    h.connection.drop();
    expect(h.states.at(-1)).toBe("offline");
    h.connection.reconnectNow();
    await opened(h, 1);
    await vi.waitFor(() => expect(h.states.at(-1)).toBe("open"));
  });
});

describe("tickets", () => {
  test("a failed ticket request is retried, and an ended session is not", async () => {
    let fail = true;
    const states: string[] = [];
    const sockets: FakeSocket[] = [];
    const connection = new Connection({
      open: () => { const socket = new FakeSocket(); sockets.push(socket); queueMicrotask(() => socket.onopen?.({} as Event)); return socket; },
      ticket: async () => { if (fail) throw new TypeError("network"); return "t"; },
      ready: () => undefined, event: () => undefined, state: (state) => states.push(state), ended: () => states.push("ended"),
      backoff: () => 10,
    });
    await expect(connection.start()).rejects.toThrow("network");
    fail = false;
    await vi.waitFor(() => expect(sockets[0]?.sent[0]?.type).toBe("hello"));
    sockets[0].reply(0, { type: "welcome" });
    await vi.waitFor(() => expect(states.at(-1)).toBe("open"));

    const ended = new Connection({
      open: () => new FakeSocket(), ticket: async () => { throw new Refused("session_invalid", "log in first"); },
      ready: () => undefined, event: () => undefined, state: () => undefined, ended: () => states.push("ended"), backoff: () => 10,
    });
    await expect(ended.start()).rejects.toMatchObject({ code: "session_invalid" });
    expect(states.at(-1)).toBe("ended");
  });
});
