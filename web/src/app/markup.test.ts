import { describe, expect, it } from "vitest";
import { linkTo, parse, plainText, type Piece } from "./markup";

/** A tree in short: text as it is, `b(…)` `i(…)` `u(…)` `s(…)` `spoiler(…)`, `link<HREF>(…)`. */
function short(pieces: readonly Piece[]): string {
  return pieces.map((piece) => {
    switch (piece.kind) {
      case "text": return piece.text;
      case "bold": return `b(${short(piece.children)})`;
      case "italic": return `i(${short(piece.children)})`;
      case "underline": return `u(${short(piece.children)})`;
      case "strike": return `s(${short(piece.children)})`;
      case "spoiler": return `spoiler(${short(piece.children)})`;
      case "link": return `link<${piece.href}>(${short(piece.children)})`;
    }
  }).join("");
}

const read = (text: string) => short(parse(text));

describe("the formatting subset", () => {
  it.each([
    ["plain words", "plain words"],
    ["**bold** and *italic* and _italic_ and __bold__", "b(bold) and i(italic) and i(italic) and b(bold)"],
    ["~~gone~~ and ||a secret||", "s(gone) and spoiler(a secret)"],
    ["[b]bold[/b] [i]italic[/i] [u]under[/u] [s]struck[/s] [spoiler]hidden[/spoiler]", "b(bold) i(italic) u(under) s(struck) spoiler(hidden)"],
    ["[B]upper case tags[/B]", "b(upper case tags)"],
    ["***both***", "b(i(both))"],
    ["**bold with *italic* inside**", "b(bold with i(italic) inside)"],
    ["[b]BBCode with **Markdown**[/b]", "b(BBCode with b(Markdown))"],
    ["*she waves*, then _smiles_.", "i(she waves), then i(smiles)."],
    ["a*b*c", "ai(b)c"],
    ["multi\nline **bold\nacross**", "multi\nline b(bold\nacross)"],
  ])("%j reads as %j", (text, tree) => expect(read(text)).toBe(tree));

  it.each([
    ["2 * 3 * 4", "2 * 3 * 4"],
    ["snake_case_name", "snake_case_name"],
    ["a ~ b ~ c and ~5 minutes", "a ~ b ~ c and ~5 minutes"],
    ["yes || no", "yes || no"],
    ["** not bold **", "** not bold **"],
    ["****", "****"],
    ["\\*not italic\\* and \\[b]not bold\\[/b]", "*not italic* and [b]not bold[/b]"],
    ["C:\\Users stays", "C:\\Users stays"],
    ["[noparse][b]as typed[/b][/noparse]", "[b]as typed[/b]"],
    ["[color=red]not in the subset[/color]", "[color=red]not in the subset[/color]"],
    ["[b=1]a value on a plain tag[/b]", "[b=1]a value on a plain tag[/b]"],
  ])("%j stays the text typed: %j", (text, tree) => expect(read(text)).toBe(tree));

  it.each([
    ["**unclosed", "**unclosed"],
    ["[b]unclosed", "[b]unclosed"],
    ["closed[/b] without opening", "closed[/b] without opening"],
    ["[b][i]crossed[/b][/i]", "b([i]crossed)[/i]"],
    ["**a *b** c*", "b(a *b) c*"],
    ["[b][/b] empty", "[b][/b] empty"],
    ["[spoiler]never ends", "[spoiler]never ends"],
  ])("badly paired %j falls back to text: %j", (text, tree) => expect(read(text)).toBe(tree));

  it.each([
    ["see https://example.org/path?q=1.", "see link<https://example.org/path?q=1>(https://example.org/path?q=1)."],
    ["(https://en.example.org/wiki/A_(b))", "(link<https://en.example.org/wiki/A_(b)>(https://en.example.org/wiki/A_(b)))"],
    ["**https://example.org**", "b(link<https://example.org/>(https://example.org))"],
    ["[the map](https://example.org/map)", "link<https://example.org/map>(the map)"],
    ["[**bold** label](https://example.org)", "link<https://example.org/>(b(bold) label)"],
    ["[url]https://example.org[/url]", "link<https://example.org/>(https://example.org)"],
    ["[url=https://example.org]the [i]map[/i][/url]", "link<https://example.org/>(the i(map))"],
    ["[URL=http://example.org]loud[/URL]", "link<http://example.org/>(loud)"],
    ["[](https://example.org)", "link<https://example.org/>(https://example.org)"],
    ["||https://example.org||", "spoiler(link<https://example.org/>(https://example.org))"],
    ["HTTPS://EXAMPLE.ORG", "link<https://example.org/>(HTTPS://EXAMPLE.ORG)"],
    ["xhttps://example.org", "xhttps://example.org"],
    ["[x](https://example.org/A_(b)c)", "link<https://example.org/A_(b)c>(x)"],
    ["https://a@https://example.org", "https://a@https://example.org"],
  ])("the link in %j: %j", (text, tree) => expect(read(text)).toBe(tree));

  it("does not nest a link in a link's label", () => {
    expect(read("[https://a.example](https://b.example)")).toBe("link<https://b.example/>(https://a.example)");
    expect(read("[url=https://b.example][url]https://a.example[/url][/url]")).toBe("link<https://b.example/>([url]https://a.example)[/url]");
  });

  it("reads as plain text what the formatting says", () => {
    expect(plainText(parse("**Juno**, _look_ at [this](https://example.org)"))).toBe("Juno, look at this");
  });

  it.each([
    "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "vbscript:msgbox(1)", "file:///etc/passwd",
    "mailto:someone@example.org", "//example.org/relative", "/relative", "example.org", "https://", "https://bank.example@evil.example/",
    "https://user:pass@example.org", "https://exa\u200bmple.org", "https://example.org/\u202egnp.exe", "https://example.org/a b",
    "ftp://example.org", "https://" + "a".repeat(3000) + ".example",
  ])("%j is no link", (address) => expect(linkTo(address)).toBeNull());

  it("shows a look-alike host as the browser spells it", () => {
    expect(linkTo("https://\u0430pple.com/")?.host).toBe("xn--pple-43d.com");
    expect(linkTo("https://EXAMPLE.org:8443/A")?.href).toBe("https://example.org:8443/A");
  });
});
