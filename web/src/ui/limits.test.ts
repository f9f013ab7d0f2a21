import { expect, test } from "vitest";
import { cut } from "./limits";

test("counts an emoji as one character, as the server does, and never splits one", () => {
  const emoji = "\u{1F600}";
  expect(cut(200, emoji.repeat(200))).toBe(emoji.repeat(200));
  expect(cut(3, emoji.repeat(5))).toBe(emoji.repeat(3));
  expect(cut(3, "abcdef")).toBe("abc");
  expect(cut(10, "short")).toBe("short");
});
