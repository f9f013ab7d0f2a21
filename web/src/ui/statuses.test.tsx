import { renderToString } from "preact-render-to-string";
import { afterEach, describe, expect, test } from "vitest";
import { catalogue } from "../app/consent";
import type { Ad } from "../app/board";
import { forgetAll, speaker } from "../app/state";
import { heardStatus } from "../app/statuses";
import { typingHeard, typists } from "../app/typing";
import { AdCard } from "./BoardView";
import { HeldNotice, StatusBadge, StatusPicker } from "./Statuses";
import { TypingLine } from "./Typing";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

afterEach(forgetAll);

describe("a status as shown", () => {
  test("says its name beside its dot, and its line after it", () => {
    const html = renderToString(<StatusBadge status="dnd" line="Writing, back at six" />);
    expect(html).toContain('class="status-dot dnd" aria-hidden="true"');
    expect(text(html)).toBe("Do not disturb : Writing, back at six");
  });

  test("the picker in the shell names the persona's status, and on a phone says DND in letters", () => {
    speaker.value = { id: "p-rowan", name: "Rowan", status: "looking" };
    expect(text(renderToString(<StatusPicker />))).toBe("Your status: Looking");
    speaker.value = { id: "p-rowan", name: "Rowan", status: "dnd" };
    expect(text(renderToString(<StatusPicker small />))).toBe("Your status: DND");
    speaker.value = { id: "p-rowan", name: "Rowan" };
    expect(text(renderToString(<StatusPicker />))).toBe("Your status: Online");
  });

  test("do not disturb says that invitations wait, and nothing shows otherwise", () => {
    speaker.value = { id: "p-rowan", name: "Rowan", status: "dnd" };
    expect(text(renderToString(<HeldNotice />))).toContain("invitations to Rowan wait in Invitations, without a notification");
    speaker.value = { id: "p-rowan", name: "Rowan", status: "busy" };
    expect(renderToString(<HeldNotice />)).toBe("");
  });

  test("an ad shows its persona's status, the newest heard of it first", () => {
    catalogue.value = { defaultSafeword: "red", topics: [] };
    speaker.value = { id: "p-sage", name: "Sage" };
    const ad: Ad = { id: "Ad1", persona: { id: "p-rowan", name: "Rowan" }, title: "Letters", text: "", topics: [], rating: "general",
      postedAt: 0, bumpedAt: 0, expiresAt: 0, matches: [], status: "looking" };
    expect(text(renderToString(<AdCard ad={ad} />))).toContain("Rowan Looking");
    heardStatus("p-rowan", "away", "Tea first");
    expect(text(renderToString(<AdCard ad={ad} />))).toContain("Rowan Away : Tea first");
  });
});

describe("who is typing, under the box", () => {
  test("names them in the conversation it belongs to, and keeps its place empty otherwise", () => {
    typists.value = typingHeard(new Map(), "#lobby", "p-sage", "Sage", true, Date.now());
    expect(text(renderToString(<TypingLine place="#lobby" />))).toBe("Sage is typing…");
    expect(renderToString(<TypingLine place="#other" />)).toBe('<p class="typing-line" data-view="typing"></p>');
  });
});
