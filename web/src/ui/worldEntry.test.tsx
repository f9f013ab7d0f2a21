import { renderToString } from "preact-render-to-string";
import { describe, expect, test } from "vitest";
import type { WorldLine } from "../api/protocol";
import type { Entry } from "../app/world";
import { ann, kit } from "../app/worldFixtures";
import { WorldEntry } from "./WorldEntry";

/** What a stream entry reads as, to someone spoken as Ann: its text without the markup or the time. */
const read = (entry: Entry) => renderToString(<WorldEntry entry={entry} me={ann.id} send={() => undefined} />)
  .replace(/<time>.*?<\/time>/g, "").replace(/<button[^>]*class="link report"[^>]*>Report<\/button>/g, "").replace(/<[^>]+>/g, "").trim();
const line = (fields: Partial<WorldLine>): Entry => ({ key: 1, kind: "line", line: { id: "l", room: "r", kind: "say", author: kit, text: "hi", at: 0, ...fields } });

describe("the world's stream, as read", () => {
  test("says, poses and semiposes are the persona's own words, in the MUD's manner", () => {
    expect(read(line({}))).toBe("Kit says, “hi”");
    expect(renderToString(<WorldEntry entry={line({})} me={ann.id} send={() => undefined} />)).toContain("Report this line of Kit");
    expect(renderToString(<WorldEntry entry={line({ author: ann })} me={ann.id} send={() => undefined} />)).not.toContain("Report");
    expect(read(line({ author: ann }))).toBe("You say, “hi”");
    expect(read(line({ kind: "pose", text: "waves." }))).toBe("Kit waves.");
    expect(read(line({ kind: "semipose", text: "'s smile fades." }))).toBe("Kit's smile fades.");
  });

  test("an emit is narration that always names its author, to screen readers and on hover", () => {
    const html = renderToString(<WorldEntry entry={line({ kind: "emit", text: "The rain starts." })} me={ann.id} send={() => undefined} />);
    expect(html).toContain('title="Narrated by Kit"');
    expect(html).toContain('<span class="sr-only">Narration by Kit: </span>');
    expect(html).toContain('class="emit"');
    expect(html).toContain('tabindex="0"');
  });

  test("a whisper without its text tells only who whispered to whom; one with it, the words", () => {
    const bo = { id: "p-bo", name: "Bo" };
    expect(read(line({ kind: "whisper", to: bo, text: undefined }))).toBe("Kit whispers something to Bo.");
    expect(read(line({ kind: "whisper", to: { id: ann.id, name: ann.name }, text: "psst" }))).toBe("Kit whispers to you: “psst”");
    expect(read(line({ kind: "page", author: ann, to: kit, text: "where are you?" }))).toBe("You page Kit: “where are you?”");
  });

  test("a stranger's short description starts a sentence with a capital, and stays as it is elsewhere", () => {
    const stranger = { id: "p-ada", name: "a tall woman in a green coat", shown: "sdesc" as const };
    expect(read(line({ author: stranger }))).toBe("A tall woman in a green coat says, “hi”");
    expect(read(line({ author: stranger, kind: "pose", text: "waves." }))).toBe("A tall woman in a green coat waves.");
    expect(read(line({ kind: "whisper", to: stranger, text: undefined }))).toBe("Kit whispers something to a tall woman in a green coat.");
    expect(read({ key: 2, kind: "arrived", who: { ...stranger, status: "online" }, how: "entered" })).toBe("A tall woman in a green coat enters the world.");
    // A name one gave is as one wrote it.
    expect(read(line({ author: { id: "p-bo", name: "lantern man", shown: "recog" } }))).toBe("lantern man says, “hi”");
  });

  test("comings and goings, and a refusal, in sentences", () => {
    expect(read({ key: 2, kind: "arrived", who: kit, via: "south", how: "moved" })).toBe("Kit arrives from the south.");
    expect(read({ key: 2, kind: "arrived", who: kit, via: "down", how: "moved" })).toBe("Kit arrives from below.");
    expect(read({ key: 3, kind: "departed", who: kit, via: "north", how: "moved" })).toBe("Kit leaves north.");
    expect(read({ key: 4, kind: "departed", who: kit, how: "disconnected" })).toBe("Kit lost their connection.");
    expect(read({ key: 5, kind: "problem", line: "xyzzy", text: "That is no command." })).toBe("xyzzy: That is no command.");
    expect(read({ key: 6, kind: "thing", by: ann, action: "got", thing: { id: "t", name: "a lamp", portable: true } })).toBe("You pick up a lamp.");
  });
});
