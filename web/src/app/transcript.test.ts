import { describe, expect, it } from "vitest";
import { findMarks } from "./mark";
import type { Scene } from "../api/protocol";
import { renderTranscript, transcriptNews } from "./transcript";

describe("exported transcripts", () => {
  it("name whose copy it is and carry the mark in every line", () => {
    const text = renderTranscript("s1", { id: "p1", name: "Rowan" }, "000102030405060708090a0b", Date.UTC(2026, 10, 25, 18, 30), [
      { id: "m1", kind: "say", from: { id: "p2", name: "Sage" }, text: "hello there", at: Date.UTC(2026, 10, 25, 18, 1) },
      { id: "m2", kind: "pose", from: { id: "p1", name: "Rowan" }, text: "waves", at: Date.UTC(2026, 10, 25, 18, 2) },
    ]);
    expect(text.replace(/[\u200B\u200C\u200D\u2060]/g, "")).toBe([
      "Tryst transcript of scene s1",
      "Exported by Rowan on 2026-11-25 18:30 UTC, for Rowan only.",
      "Mark 000102030405060708090a0b: every line carries it invisibly, so a copy shared elsewhere names whose it was.",
      "",
      "[2026-11-25 18:01] Sage: hello there",
      "[2026-11-25 18:02] * Rowan waves",
      "",
    ].join("\n"));
    expect(findMarks(text)).toHaveLength(10);
    expect(new Set(findMarks(text))).toEqual(new Set(["000102030405060708090a0b"]));
  });
});

describe("news of the consent", () => {
  const rowan = { id: "p1", name: "Rowan" };
  const scene = (transcript: Scene["transcript"]): Scene =>
    ({ id: "s1", members: [rowan, { id: "p2", name: "Sage" }], epoch: 1, timerSeconds: 300, timerChoices: [], externalSender: "", createdAt: 0, transcript });

  it("tells of a request from someone else, of everyone agreeing and of export closing", () => {
    const asked = scene({ requestedBy: rowan, requestedAt: 5, agreed: ["p1"], refused: [], allowed: false });
    const agreed = scene({ requestedBy: rowan, requestedAt: 5, agreed: ["p1", "p2"], refused: [], allowed: true });
    expect(transcriptNews(scene(null), asked, ["p2"])).toBe("Rowan asks to keep a transcript of your scene; open it to agree or refuse.");
    expect(transcriptNews(scene(null), asked, ["p1"])).toBeNull();
    expect(transcriptNews(asked, agreed, ["p1"])).toContain("Everyone agrees");
    expect(transcriptNews(agreed, scene(null), ["p1"])).toContain("Not everyone agrees any more");
  });
});
