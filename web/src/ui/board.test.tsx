import { renderToString } from "preact-render-to-string";
import { describe, expect, test } from "vitest";
import type { Ad } from "../app/board";
import { catalogue } from "../app/consent";
import { speaker } from "../app/state";
import { AdCard } from "./BoardView";

const ad: Ad = {
  id: "Ad1", persona: { id: "p-rowan", name: "Rowan" }, title: "Letters by the sea", text: "Write to me.", topics: ["romance", "slow-burn"],
  rating: "mature", postedAt: 0, bumpedAt: 0, expiresAt: 0,
  matches: [
    { topic: "romance", from: "yes", to: "yes", proposed: true, flags: [] },
    { topic: "slow-burn", proposed: true, flags: [] },
    { topic: "pain", from: "yes", to: "no", proposed: false, flags: ["mismatch"] },
  ],
};

describe("an ad on the board, as read", () => {
  test("names its persona and rating, and says how each topic it asks for meets your boundaries", () => {
    catalogue.value = { defaultSafeword: "red", topics: [
      { id: "romance", label: "Romance", group: "Tone", description: "" }, { id: "slow-burn", label: "Slow burn", group: "Tone", description: "" },
      { id: "pain", label: "Pain", group: "Power", description: "" }] };
    speaker.value = { id: "p-sage", name: "Sage", summary: "", description: "", pronouns: "" };
    const text = renderToString(<AdCard ad={ad} />).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("Letters by the sea Rowan · Mature");
    expect(text).toContain("Romance: you said yes");
    expect(text).toContain("Slow burn: you have not answered");
    expect(text).toContain("You and Rowan disagree on Pain: talk first.");
    expect(text).toContain("Invite Rowan");
    expect(renderToString(<AdCard ad={ad} />)).toContain('aria-label="Report this ad of Rowan"');
  });
});
