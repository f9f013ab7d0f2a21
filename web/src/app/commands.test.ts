import { describe, expect, test } from "vitest";
import { commands, completions, parse, type Where } from "./commands";

const channel: Where = { place: "channel", moderator: false };
const scene: Where = { place: "scene", moderator: false };
const moderator: Where = { place: "channel", moderator: true };

describe("what a line typed in a channel asks for", () => {
  test("plain text is said as typed, /me poses", () => {
    expect(parse("hello there", channel)).toEqual({ kind: "say", text: "hello there" });
    expect(parse("/me tips her hat", channel)).toEqual({ kind: "pose", text: "tips her hat" });
    expect(parse("  /ME waves  ", channel)).toEqual({ kind: "pose", text: "waves" });
  });

  test("a line of several lines is said whole", () => {
    expect(parse("first\nsecond", channel)).toEqual({ kind: "say", text: "first\nsecond" });
  });

  test("an unknown command is never sent: the person is told", () => {
    expect(parse("/help", channel)).toEqual({ kind: "help", problem: null });
    expect(parse("/dance", channel)).toEqual({ kind: "help", problem: "There is no command /dance; nothing was sent." });
    expect(parse("/", channel).kind).toBe("help");
  });

  test("a command mistyped is not sent either, and the one it most likely meant is named", () => {
    expect(parse("/blokc Sable", channel)).toEqual({ kind: "help", problem: "There is no command /blokc; nothing was sent. Did you mean /block?" });
    expect(parse("/inivte Kit", channel)).toMatchObject({ kind: "help", problem: expect.stringContaining("Did you mean /invite?") });
    expect(parse("/safewrod", channel)).toEqual({ kind: "help", problem: "There is no command /safewrod; nothing was sent." });
    expect(parse("/safewrod", scene)).toEqual({ kind: "help", problem: "There is no command /safewrod; nothing was sent. Did you mean /safeword?" });
  });

  test("a command used wrongly, or where it does not work, is not sent either", () => {
    expect(parse("/me", channel)).toEqual({ kind: "help", problem: "Usage: /me TEXT; nothing was sent." });
    expect(parse("/help me", channel)).toEqual({ kind: "help", problem: "Usage: /help; nothing was sent." });
    expect(parse("/safeword", channel)).toEqual({ kind: "help", problem: "/safeword works only in a private scene; nothing was sent." });
    expect(parse("/block", channel)).toEqual({ kind: "help", problem: "Usage: /block NAME [account]; nothing was sent." });
  });

  test("/roll reads the dice as the server would, and dice it would refuse are not sent", () => {
    expect(parse("/roll 2d6 + 1", channel)).toEqual({ kind: "roll", dice: [{ minus: false, count: 2, sides: 6 }, { minus: false, count: 1, sides: 0 }] });
    expect(parse("/roll d20", scene)).toEqual({ kind: "roll", dice: [{ minus: false, count: 1, sides: 20 }] });
    expect(parse("/roll 2d6*3", channel)).toEqual({ kind: "help", problem: "Usage: /roll DICE; dice are written like d20, 2d6+1 or 3d8-1d4: "
      + "at most 100 dice of 2 to 1000 sides and numbers up to 1000, in at most 10 parts; nothing was sent." });
    expect(parse("/roll", channel)).toEqual({ kind: "help", problem: "Usage: /roll DICE; nothing was sent." });
    expect(parse("/rol 2d6", channel)).toEqual({ kind: "help", problem: "There is no command /rol; nothing was sent. Did you mean /roll?" });
  });

  test("two slashes send the line from its second slash as it is", () => {
    expect(parse("//roll 2d6", channel)).toEqual({ kind: "say", text: "/roll 2d6" });
    expect(parse("//me is not a pose", channel)).toEqual({ kind: "say", text: "/me is not a pose" });
  });

  test("the terminal's commands, read as it reads them", () => {
    expect(parse("/block Sable", channel)).toEqual({ kind: "block", name: "Sable", scope: "persona" });
    expect(parse("/block \"Mary Ann\" account", channel)).toEqual({ kind: "block", name: "Mary Ann", scope: "account" });
    expect(parse("/join #Harbour", channel)).toEqual({ kind: "join", channel: "harbour" });
    expect(parse("/persona new Sage Moon", channel)).toEqual({ kind: "persona.new", name: "Sage Moon" });
    expect(parse("/invite Kit topics=romance,pain safeword=pineapple tea at five?", channel))
      .toEqual({ kind: "invite", name: "Kit", note: "tea at five?", topics: ["romance", "pain"], safeword: "pineapple" });
    expect(parse("/invite \"Mary Ann\"", channel)).toEqual({ kind: "invite", name: "Mary Ann", note: "", topics: [], safeword: null });
    expect(parse("/boundaries set pain no", channel)).toEqual({ kind: "boundary.set", topic: "pain", answer: "no" });
    expect(parse("/boundaries set pain clear", channel)).toEqual({ kind: "boundary.set", topic: "pain", answer: null });
    expect(parse("/boundaries notes gentle, please", channel)).toEqual({ kind: "boundary.notes", notes: "gentle, please" });
    expect(parse("/boundaries Kit", channel)).toEqual({ kind: "boundaries", name: "Kit" });
    expect(parse("/report 2 threat", channel)).toEqual({ kind: "report", number: 2, reason: "threat" });
    expect(parse("/report 1", channel)).toEqual({ kind: "report", number: 1, reason: "other" });
    expect(parse("/report 1 rude", channel).kind).toBe("help");
    expect(parse("/accept 0", channel).kind).toBe("help");
  });

  test("the moderators' commands are no commands for others", () => {
    expect(parse("/queue", channel)).toEqual({ kind: "help", problem: "There is no command /queue; nothing was sent." });
    expect(parse("/moderate 1 mute 24", moderator)).toEqual({ kind: "moderate", number: 1, action: "mute", hours: 24 });
    expect(parse("/moderate 1 mute", moderator).kind).toBe("help");
    expect(parse("/moderate 1 ban 3", moderator).kind).toBe("help");
  });

  test("a channel's list leaves out the scene's and the moderators' commands", () => {
    const names = commands(channel).map((command) => command.name);
    expect(names).toContain("/block");
    expect(names).not.toContain("/safeword");
    expect(names).not.toContain("/queue");
  });
});

describe("what a line typed in a scene asks for", () => {
  const word = (line: string) => line.trim().toLowerCase() === "pineapple";

  test("the safeword word and /safeword end the scene; /safeword HOURS chooses the cooling-off", () => {
    expect(parse(" Pineapple ", scene, word)).toEqual({ kind: "safeword", hours: null });
    expect(parse("/safeword", scene, word)).toEqual({ kind: "safeword", hours: null });
    expect(parse("/safeword 72", scene)).toEqual({ kind: "safeword", hours: 72 });
    expect(parse("/safeword 0", scene)).toEqual({ kind: "safeword", hours: 0 });
  });

  test("a cooling-off the server would refuse is not sent", () => {
    expect(parse("/safeword 721", scene).kind).toBe("help");
    expect(parse("/safeword soon", scene).kind).toBe("help");
  });

  test("lines and poses are as in a channel; the scene's own commands are read", () => {
    expect(parse("pineapple please", scene, word)).toEqual({ kind: "say", text: "pineapple please" });
    expect(parse("/me nods", scene, word)).toEqual({ kind: "pose", text: "nods" });
    expect(parse("/timer 5m", scene)).toEqual({ kind: "timer", seconds: 300 });
    expect(parse("/timer soon", scene).kind).toBe("help");
    expect(parse("/transcript agree", scene)).toEqual({ kind: "transcript", choice: "agree" });
    expect(parse("/export", scene)).toEqual({ kind: "export", file: null });
    expect(parse("/safety Kit", scene)).toEqual({ kind: "safety", name: "Kit" });
  });
});

describe("the palette", () => {
  test("offers the commands that start as typed, while the name is typed", () => {
    expect(completions("/bl", channel).map((command) => command.name)).toEqual(["/block", "/blocked"]);
    expect(completions("/sa", scene).map((command) => command.name)).toEqual(["/safeword", "/safety"]);
    expect(completions("/sa", channel)).toEqual([]);
    expect(completions("/block Sable", channel)).toEqual([]);
    expect(completions("hello", channel)).toEqual([]);
    expect(completions("//", channel)).toEqual([]);
  });
});

describe("statuses and typing from the message box", () => {
  const here = { place: "channel" as const, moderator: false };

  test("/status alone shows it; with a status chooses it with its line or none", () => {
    expect(parse("/status", here)).toEqual({ kind: "status", change: null });
    expect(parse("/status looking Up for a slow-burn mystery", here))
      .toEqual({ kind: "status", change: { status: "looking", line: "Up for a slow-burn mystery" } });
    expect(parse("/status DND", here)).toEqual({ kind: "status", change: { status: "dnd", line: "" } });
  });

  test("/status line changes the line alone, /status clear takes it away; offline and other words are no status", () => {
    expect(parse("/status line back at six", here)).toEqual({ kind: "status", change: { line: "back at six" } });
    expect(parse("/status clear", here)).toEqual({ kind: "status", change: { line: "" } });
    expect(parse("/status line", here).kind).toBe("help");
    expect(parse("/status offline", here)).toEqual({ kind: "help", problem: "Usage: /status [STATUS] [LINE]; nothing was sent." });
    expect(parse("/status sleepy", here).kind).toBe("help");
  });

  test("/looking opens the list, /typing shows or turns sharing on or off", () => {
    expect(parse("/looking", here)).toEqual({ kind: "looking" });
    expect(parse("/typing", here)).toEqual({ kind: "typing", share: null });
    expect(parse("/typing off", here)).toEqual({ kind: "typing", share: false });
    expect(parse("/typing ON", here)).toEqual({ kind: "typing", share: true });
    expect(parse("/typing maybe", here).kind).toBe("help");
  });
});
