import { describe, expect, it } from "vitest";
import { badge, mismatches, proposed, type Ad } from "./board";

const ad: Ad = {
  id: "Ad1", persona: { id: "P1", name: "Rowan" }, title: "Letters", text: "", topics: ["romance", "slow-burn"], rating: "general",
  postedAt: 0, bumpedAt: 0, expiresAt: 1,
  matches: [
    { topic: "romance", from: "yes", to: "yes", proposed: true, flags: [] },
    { topic: "slow-burn", to: "maybe", proposed: true, flags: ["proposed_maybe"] },
    { topic: "pain", from: "yes", to: "no", proposed: false, flags: ["mismatch"] },
    { topic: "humour", from: "yes", proposed: false, flags: [] },
  ],
};

describe("an ad's match badges", () => {
  it("show the viewer's answer to each topic the ad asks for, a maybe as needing a word first", () => {
    expect(proposed(ad).map(badge)).toEqual([{ answer: "yes", caution: false }, { answer: "maybe", caution: true }]);
  });

  it("name an unanswered topic as such", () => {
    expect(badge({ topic: "romance", from: "yes", proposed: true, flags: [] })).toEqual({ answer: "unanswered", caution: false });
  });

  it("keep outright disagreements elsewhere apart from what the ad asks for", () => {
    expect(mismatches(ad).map((match) => match.topic)).toEqual(["pain"]);
  });
});
