import { describe, expect, test } from "vitest";
import { answered, EMPTY, refused, sent, typed } from "./draft";

describe("the message box", () => {
  test("empties as a line is sent, so that the next one is typed on its own", () => {
    const sending = sent(typed(EMPTY, "first line"), { seq: 0, text: "first line" });
    const next = typed(sending, "second line typed right after");
    expect(next.text).toBe("second line typed right after");
    expect(answered(next, 0)).toEqual({ text: "second line typed right after", sending: [], restored: [] });
  });

  test("a refused line comes back in front of what was typed since", () => {
    const draft = typed(sent(EMPTY, { seq: 0, text: "first line" }), "second");
    expect(refused(draft, 0).text).toBe("first line second");
    expect(refused(sent(EMPTY, { seq: 0, text: "alone" }), 0).text).toBe("alone");
  });

  test("lines refused together come back in the order they were sent", () => {
    const both = typed(sent(sent(EMPTY, { seq: 0, text: "one" }), { seq: 1, text: "two" }), "three");
    expect(refused(refused(both, 0), 1).text).toBe("one two three");
    expect(refused(refused(both, 1), 0).text).toBe("one two three");
  });

  test("once the person changes what came back, a later refusal goes in front of their text", () => {
    const both = sent(sent(EMPTY, { seq: 0, text: "one" }), { seq: 1, text: "two" });
    const edited = typed(refused(both, 0), "on");
    expect(refused(edited, 1).text).toBe("two on");
  });

  test("an answer for a line no longer waiting changes nothing", () => {
    const draft = typed(EMPTY, "typing");
    expect(refused(draft, 7)).toBe(draft);
    expect(answered(draft, 7)).toEqual(draft);
  });
});
