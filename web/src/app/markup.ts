/**
 * The formatting a line may carry: bold, italic, underline, strikethrough, spoilers and links,
 * written in F-Chat's BBCode (`[b]`, `[i]`, `[u]`, `[s]`, `[spoiler]`, `[url]`, `[url=…]`,
 * `[noparse]`) or in Markdown as chat clients write it (`**bold**`, `*italic*`, `_italic_`,
 * `__bold__`, `~~strike~~`, `||spoiler||` as Discord and Element have it, `[label](https://…)`,
 * bare `https://` addresses, `\*` for a literal star). The text on the wire stays what the author
 * typed; this turns it into a tree that the screen draws as elements and text nodes, never as HTML.
 *
 * A parser of our own rather than a library: a Markdown engine (markdown-it, micromark) with HTML
 * turned off still renders headings, lists, code, images and tables, produces an HTML string for
 * innerHTML (the very thing to avoid), knows no BBCode and no spoilers, and is many times this
 * file's size; a BBCode library knows no Markdown. The subset is small enough to be read whole and
 * tested with a table of hostile inputs. It runs in one pass, in time linear in the text: every
 * search it makes ahead is bounded or remembered, and nesting is capped, so that no input blows it
 * up. Whatever does not pair up (an unclosed tag, a closing tag out of order, a link to anything but
 * http or https) falls back to the literal text the author typed.
 */

/** A style that wraps part of a line. */
export type Style = "bold" | "italic" | "underline" | "strike" | "spoiler";

/** A piece of a formatted line: text, a styled run, or a link to an address the browser parsed. */
export type Piece =
  | { kind: "text"; text: string }
  | { kind: Style; children: Piece[] }
  | { kind: "link"; href: string; children: Piece[] };

/** How deep styles may nest; an opener past it is text. */
const MAX_DEPTH = 8;
/** The longest label of `[label](…)`, and the longest address of any link, in UTF-16 units. */
const MAX_LABEL = 500;
const MAX_ADDRESS = 2048;

/** Characters a backslash makes literal, as CommonMark's backslash escapes do for these. */
const ESCAPABLE = new Set(["\\", "*", "_", "~", "|", "[", "]", "(", ")"]);

/** BBCode tags of the subset, by their lower-case name. */
const TAGS: Record<string, Style> = { b: "bold", i: "italic", u: "underline", s: "strike", spoiler: "spoiler" };
/** Markdown delimiters of the subset. `_` and `*` make the same styles but pair only with themselves. */
const DELIMITERS: Record<string, Style> = { "**": "bold", "__": "bold", "*": "italic", "_": "italic", "~~": "strike", "||": "spoiler" };

const TAG = /\[(\/?)(b|i|u|s|spoiler|url|noparse)(?:=([^\]\n]{1,2048}))?\]/iy;
const SPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
/** What a bare address ends at: spaces, controls, invisible format characters (zero-width, bidi) and brackets. */
const ADDRESS_END = /[\s\p{Cc}\p{Cf}]/u;
const ADDRESS_END_ASCII = new Set(["<", ">", '"', "`", "[", "]"]);
/** What a bare address does not end with: the sentence's punctuation and the markup around it. */
const TRAILING = new Set([".", ",", ":", ";", "!", "?", "'", '"', "*", "_", "~", "|"]);

/**
 * The address of a link, as the browser parses it, if it may be one: absolute http or https with a
 * host, nothing invisible in it and no user name (`https://bank.example@elsewhere.example` is a
 * trick). Everything else stays text: `javascript:`, `data:`, `vbscript:`, `file:`, relative
 * addresses, and `mailto:` too, which would hand the person's mail address to whoever wrote it.
 */
export function linkTo(address: string): URL | null {
  if (address.length > MAX_ADDRESS || !/^https?:\/\//i.test(address) || /[\s\p{Cc}\p{Cf}]/u.test(address)) return null;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname || url.username || url.password) return null;
  return url;
}

/** The text of a line as it reads once formatted: what mentions are found in. */
export function plainText(pieces: readonly Piece[]): string {
  return pieces.map((piece) => (piece.kind === "text" ? piece.text : plainText(piece.children))).join("");
}

/** The text a reader sees before opening any spoiler: a spoiler's words stand apart as a space. */
export function shownText(pieces: readonly Piece[]): string {
  return pieces.map((piece) => (piece.kind === "text" ? piece.text : piece.kind === "spoiler" ? " " : shownText(piece.children))).join("");
}

/** An element being read: its style, the syntax that closes it, what opened it (its text if it never closes), what it holds so far. */
interface Open { kind: Style; syntax: string; opener: string; children: Piece[] }

/** Parses a line into pieces. Inside a link's label (`links: false`) there are no links. */
export function parse(text: string, { links = true }: { links?: boolean } = {}): Piece[] {
  const root: Piece[] = [];
  const stack: Open[] = [];
  const opened = new Map<string, number>();
  /** Where a search for a closing `[/url]` or `[/noparse]` already failed: none comes after. */
  const noCloser = new Map<string, number>();
  let pending = "";
  /** Where the last bare address that was no link ended. */
  let noAddressUntil = 0;

  const into = () => (stack.length > 0 ? stack[stack.length - 1].children : root);
  const flush = () => {
    if (pending) add(into(), { kind: "text", text: pending });
    pending = "";
  };
  const count = (syntax: string) => opened.get(syntax) ?? 0;
  const open = (kind: Style, syntax: string, opener: string) => {
    flush();
    stack.push({ kind, syntax, opener, children: [] });
    opened.set(syntax, count(syntax) + 1);
  };
  /** Closes the innermost element of this syntax; any opened inside it and not closed become their text. */
  const close = (syntax: string, closer: string) => {
    flush();
    for (;;) {
      const top = stack.pop()!;
      opened.set(top.syntax, count(top.syntax) - 1);
      if (top.syntax === syntax) {
        if (top.children.length === 0) add(into(), { kind: "text", text: top.opener + closer });
        else add(into(), { kind: top.kind, children: top.children });
        return;
      }
      abandon(top);
    }
  };
  const abandon = (top: Open) => {
    const target = into();
    add(target, { kind: "text", text: top.opener });
    for (const child of top.children) add(target, child);
  };
  /** The first `[/NAME]` at or after `from`, case-insensitively, or -1; a failed search is remembered. */
  const closing = (name: string, from: number) => {
    const failed = noCloser.get(name);
    if (failed !== undefined && failed <= from) return -1;
    const found = new RegExp(`\\[/${name}\\]`, "gi");
    found.lastIndex = from;
    const match = found.exec(text);
    if (!match) noCloser.set(name, from);
    return match ? match.index : -1;
  };
  const link = (url: URL, label: Piece[]) => {
    flush();
    add(into(), { kind: "link", href: url.href, children: label });
  };
  /** A delimiter or tag: closes what it may close, else opens what it may open, else is text. */
  const mark = (syntax: string, kind: Style, written: string, canOpen: boolean, canClose: boolean) => {
    if (canClose && count(syntax) > 0) close(syntax, written);
    else if (canOpen && stack.length < MAX_DEPTH) open(kind, syntax, written);
    else pending += written;
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\" && ESCAPABLE.has(text[i + 1])) {
      pending += text[i + 1];
      i += 2;
      continue;
    }
    if (links && (c === "h" || c === "H") && i >= noAddressUntil && !wordBefore(text, i)) {
      const end = bareAddressEnd(text, i);
      const url = end > i ? linkTo(text.slice(i, end)) : null;
      if (url) {
        link(url, [{ kind: "text", text: text.slice(i, end) }]);
        i = end;
        continue;
      }
      // An address that is no link (`https://a@https://b`) holds none further on either.
      noAddressUntil = end;
    }
    if (c === "[") {
      TAG.lastIndex = i;
      const tag = TAG.exec(text);
      if (tag) {
        const [written, slash, rawName, value] = tag;
        const name = rawName.toLowerCase();
        const after = i + written.length;
        if (name === "noparse" && !slash && value === undefined) {
          const end = closing("noparse", after);
          if (end >= 0) {
            pending += text.slice(after, end);
            i = end + "[/noparse]".length;
            continue;
          }
        } else if (name === "url" && !slash && links) {
          const end = closing("url", after);
          const inner = end >= 0 ? text.slice(after, end) : "";
          const url = end >= 0 ? linkTo((value ?? inner).trim()) : null;
          if (url && inner.length <= MAX_ADDRESS) {
            const label = value === undefined || !inner.trim() ? [{ kind: "text" as const, text: (value ?? inner).trim() }] : parse(inner, { links: false });
            link(url, label);
            i = end + "[/url]".length;
            continue;
          }
        } else if (name in TAGS && value === undefined) {
          mark(`[${name}]`, TAGS[name], written, !slash, !!slash);
          i = after;
          continue;
        }
      }
      const labelled = links ? markdownLink(text, i) : null;
      if (labelled) {
        link(labelled.url, labelled.label ? parse(labelled.label, { links: false }) : [{ kind: "text", text: labelled.address }]);
        i = labelled.end;
        continue;
      }
    }
    if (c === "*" || c === "_" || c === "~" || c === "|") {
      let run = 1;
      while (text[i + run] === c) run++;
      const written = text.slice(i, i + run);
      const { canOpen, canClose } = flanking(text, i, run, c === "_");
      if (c === "~" || c === "|") {
        if (run === 2) mark(written, DELIMITERS[written], written, canOpen, canClose);
        else pending += written;
      } else if (run <= 2) {
        mark(written, DELIMITERS[written], written, canOpen, canClose);
      } else if (run === 3) {
        // `***` is bold and italic: closing, the inner one first, whichever that is.
        const single = c, double = c + c;
        const innerIsSingle = canClose && innermost(stack, single, double) === single;
        for (const part of innerIsSingle ? [single, double] : [double, single]) mark(part, DELIMITERS[part], part, canOpen, canClose);
      } else {
        pending += written;
      }
      i += run;
      continue;
    }
    pending += c;
    i++;
  }
  flush();
  while (stack.length > 0) abandon(stack.pop()!);
  return root;
}

/** Which of two syntaxes was opened last, if either is open. */
function innermost(stack: readonly Open[], one: string, other: string): string | undefined {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].syntax === one || stack[k].syntax === other) return stack[k].syntax;
  return undefined;
}

/** Adds a piece, joining text to text before it. */
function add(pieces: Piece[], piece: Piece): void {
  const last = pieces[pieces.length - 1];
  if (piece.kind === "text" && last?.kind === "text") pieces[pieces.length - 1] = { kind: "text", text: last.text + piece.text };
  else pieces.push(piece);
}

/** The character (code point) before position i, or "" at the start. */
function charBefore(text: string, i: number): string {
  if (i === 0) return "";
  const low = text.charCodeAt(i - 1);
  return i >= 2 && low >= 0xdc00 && low <= 0xdfff ? text.slice(i - 2, i) : text[i - 1];
}

/** The character (code point) at position i, or "" at the end. */
function charAt(text: string, i: number): string {
  const code = text.codePointAt(i);
  return code === undefined ? "" : String.fromCodePoint(code);
}

function wordBefore(text: string, i: number): boolean {
  return /[\p{L}\p{N}]/u.test(charBefore(text, i));
}

/**
 * Whether a run of delimiters may open or close, by CommonMark's flanking rules: `**bold**` and
 * `a*b*c` pair, `2 * 3 * 4` does not; an underscore inside a word (`snake_case_name`) is a letter.
 */
function flanking(text: string, i: number, run: number, underscore: boolean): { canOpen: boolean; canClose: boolean } {
  const before = charBefore(text, i);
  const after = charAt(text, i + run);
  const spaceBefore = before === "" || isSpace(before), spaceAfter = after === "" || isSpace(after);
  const punctBefore = PUNCTUATION.test(before), punctAfter = PUNCTUATION.test(after);
  const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
  const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
  if (!underscore) return { canOpen: left, canClose: right };
  return { canOpen: left && (!right || punctBefore), canClose: right && (!left || punctAfter) };
}

/**
 * Where a bare address that starts at i ends (i itself when none starts there): at a space, an
 * invisible character or a bracket, less the punctuation after it and a closing parenthesis it did
 * not open (`(see https://example.org/a_(b))`).
 */
function bareAddressEnd(text: string, i: number): number {
  if (!/^https?:\/\//i.test(text.slice(i, i + 8))) return i;
  let end = i;
  const limit = Math.min(text.length, i + MAX_ADDRESS);
  while (end < limit && !endsAddress(text[end])) end++;
  for (;;) {
    const last = text[end - 1];
    if (TRAILING.has(last)) end--;
    else if (last === ")" && balance(text, i, end) < 0) end--;
    else break;
  }
  return end;
}

function endsAddress(c: string): boolean {
  const code = c.charCodeAt(0);
  return code <= 32 || ADDRESS_END_ASCII.has(c) || (code >= 127 && ADDRESS_END.test(c));
}

/** Whether a character is white space, quickly for the common ones. */
function isSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && SPACE.test(c));
}

function balance(text: string, from: number, to: number): number {
  let depth = 0;
  for (let k = from; k < to; k++) depth += text[k] === "(" ? 1 : text[k] === ")" ? -1 : 0;
  return depth;
}

/**
 * `[label](address)` starting at i: a label without brackets or line breaks, an address without
 * spaces and with at most one pair of parentheses in it (`https://example.org/A_(b)`). Both rules
 * keep the look ahead short: a second `(` or `[` ends it, so that a line of `[x](` does not read
 * the rest of itself for each one.
 */
function markdownLink(text: string, i: number): { label: string; address: string; url: URL; end: number } | null {
  let close = i + 1;
  const labelLimit = Math.min(text.length, i + 1 + MAX_LABEL);
  while (close < labelLimit && text[close] !== "]" && text[close] !== "[" && text[close] !== "\n") close++;
  if (text[close] !== "]" || text[close + 1] !== "(") return null;
  let end = close + 2;
  let inner = false;
  const addressLimit = Math.min(text.length, end + MAX_ADDRESS);
  for (; end < addressLimit; end++) {
    const c = text[end];
    if (c === "(" && !inner) inner = true;
    else if (c === ")" && inner) inner = false;
    else if (c === ")") break;
    else if (c === "(" || c === "[" || isSpace(c)) return null;
  }
  if (text[end] !== ")") return null;
  const address = text.slice(close + 2, end);
  const url = linkTo(address);
  return url ? { label: text.slice(i + 1, close), address, url, end: end + 1 } : null;
}
