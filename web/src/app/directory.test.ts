import { describe, expect, test } from "vitest";
import type { Channel, ServerMessage } from "../api/protocol";
import { event, listed, show, start, unlisted } from "./directory";
import { channels } from "./state";

const lobby: Channel = { name: "lobby", topic: "Welcome", members: 12 };
const quay: Channel = { name: "quay", topic: "", members: 1 };

describe("the directory's list", () => {
  test("a channel heard of takes its place by name, replacing what was known of it", () => {
    expect(listed([lobby, quay], { name: "harbour", topic: "Boats", members: 2 }).map((c) => c.name)).toEqual(["harbour", "lobby", "quay"]);
    expect(listed([lobby, quay], { ...lobby, members: 13 })).toEqual([{ ...lobby, members: 13 }, quay]);
    expect(unlisted([lobby, quay], "lobby")).toEqual([quay]);
  });
});

describe("watching while the directory is shown", () => {
  test("asks to watch when shown, to stop when gone, asks again after a reconnect, and applies what it hears", async () => {
    const sent: Record<string, unknown>[] = [];
    const requester = async <T extends ServerMessage>(type: string, fields: Record<string, unknown> = {}) => {
      sent.push({ type, ...fields });
      return { type: "channels", channels: [lobby] } as unknown as T;
    };
    await start(requester);
    expect(sent).toEqual([]);

    await show(true);
    expect(sent).toEqual([{ type: "channel.list", watch: true }]);
    expect(channels.value).toEqual([lobby]);
    expect(event({ type: "channel.listed", channel: quay })).toBe(true);
    expect(event({ type: "channel.unlisted", channel: "lobby" })).toBe(true);
    expect(channels.value).toEqual([quay]);
    expect(event({ type: "topic", channel: "lobby" })).toBe(false);

    await start(requester);
    expect(sent.at(-1)).toEqual({ type: "channel.list", watch: true });
    expect(channels.value).toEqual([lobby]);

    await show(false);
    expect(sent.at(-1)).toEqual({ type: "channel.list", watch: false });
    await start(requester);
    expect(sent).toHaveLength(3);
  });
});
