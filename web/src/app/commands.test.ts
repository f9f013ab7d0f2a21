import { describe, expect, test } from "vitest";
import { commands, parse } from "./commands";

describe("what a line typed in a channel asks for", () => {
  test("plain text is said as typed, /me poses", () => {
    expect(parse("hello there", "channel")).toEqual({ kind: "say", text: "hello there" });
    expect(parse("/me tips her hat", "channel")).toEqual({ kind: "pose", text: "tips her hat" });
    expect(parse("  /ME waves  ", "channel")).toEqual({ kind: "pose", text: "waves" });
  });

  test("an unknown command is never sent: the person is told, with the list of commands", () => {
    expect(parse("/help", "channel")).toEqual({ kind: "help", problem: null });
    expect(parse("/roll 2d6", "channel")).toEqual({ kind: "help", problem: "There is no command /roll; nothing was sent." });
    expect(parse("/block Sable", "channel")).toEqual({ kind: "help", problem: "There is no command /block; nothing was sent." });
    expect(parse("/", "channel").kind).toBe("help");
  });

  test("a command used wrongly, or where it does not work, is not sent either", () => {
    expect(parse("/me", "channel")).toEqual({ kind: "help", problem: "Usage: /me TEXT; nothing was sent." });
    expect(parse("/help me", "channel")).toEqual({ kind: "help", problem: "Usage: /help; nothing was sent." });
    expect(parse("/safeword", "channel")).toEqual({ kind: "help", problem: "/safeword works only in a private scene; nothing was sent." });
  });

  test("two slashes send the line from its second slash as it is", () => {
    expect(parse("//roll 2d6", "channel")).toEqual({ kind: "say", text: "/roll 2d6" });
    expect(parse("//me is not a pose", "channel")).toEqual({ kind: "say", text: "/me is not a pose" });
  });

  test("the list of a channel's commands leaves out the scene's", () => {
    expect(commands("channel").map((command) => command.usage)).toEqual(["/me TEXT", "/help"]);
  });
});

describe("what a line typed in a scene asks for", () => {
  const word = (line: string) => line.trim().toLowerCase() === "pineapple";

  test("the safeword word and /safeword end the scene; /safeword HOURS chooses the cooling-off", () => {
    expect(parse(" Pineapple ", "scene", word)).toEqual({ kind: "safeword", hours: null });
    expect(parse("/safeword", "scene", word)).toEqual({ kind: "safeword", hours: null });
    expect(parse("/safeword 72", "scene")).toEqual({ kind: "safeword", hours: 72 });
    expect(parse("/safeword 0", "scene")).toEqual({ kind: "safeword", hours: 0 });
  });

  test("a cooling-off the server would refuse is not sent", () => {
    expect(parse("/safeword 721", "scene").kind).toBe("help");
    expect(parse("/safeword soon", "scene").kind).toBe("help");
  });

  test("lines and poses are as in a channel", () => {
    expect(parse("pineapple please", "scene", word)).toEqual({ kind: "say", text: "pineapple please" });
    expect(parse("/me nods", "scene", word)).toEqual({ kind: "pose", text: "nods" });
    expect(commands("scene").map((command) => command.usage)).toEqual(["/me TEXT", "/safeword [HOURS]", "/help"]);
  });
});
