import { expect, test } from "vitest";
import type { ChannelMessage } from "../api/protocol";
import { merge } from "./state";

const message = (id: string, text = id): ChannelMessage =>
  ({ id, channel: "lobby", kind: "say", persona: { id: "p", name: "Sage" }, text, at: 0 });

test("history after a reconnect fills the gap without repeating what was shown", () => {
  const shown = [message("01"), message("02")];
  const history = [message("02"), message("03"), message("04")];
  expect(merge(shown, history).map((m) => m.id)).toEqual(["01", "02", "03", "04"]);
});

test("messages stay in id order (time order) whatever order they arrive in", () => {
  expect(merge([message("05")], [message("03"), message("04")]).map((m) => m.id)).toEqual(["03", "04", "05"]);
});
