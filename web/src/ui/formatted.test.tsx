import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { Formatted } from "./Formatted";

/** What a line's text becomes on the page, as markup: only the subset's elements, the typed text escaped in them. */
const html = (text: string, marks: readonly string[] = []) => renderToString(<Formatted text={text} marks={marks} />);
/** The same, without the isolating `bdi` every line's text is wrapped in. */
const inner = (text: string) => html(text).replace(/^<bdi class="formatted">/, "").replace(/<\/bdi>$/, "");

const LINK = (href: string, label: string) => `<a class="out" href="${href}" target="_blank" rel="noopener noreferrer">${label}</a>`;
const HIDDEN = (content: string) =>
  `<span class="spoiler" role="button" tabindex="0" aria-label="Spoiler, hidden: show it"><span class="hidden" aria-hidden="true">${content}</span></span>`;

/** Elements and attributes the formatting may put on the page; anything else is a hole. */
const ELEMENTS = new Set(["bdi", "strong", "em", "u", "s", "span", "a", "mark"]);
const ATTRIBUTES = new Set(["class", "href", "target", "rel", "role", "tabindex", "aria-label", "aria-hidden"]);

/** Hostile inputs and what each renders to: the author's text, escaped, in the subset's elements only. */
const HOSTILE: [string, string][] = [
  ["<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"],
  ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)>"],
  ['<a href="javascript:alert(1)">x</a>', "&lt;a href=&quot;javascript:alert(1)&quot;>x&lt;/a>"],
  ["<style>body{display:none}</style>", "&lt;style>body{display:none}&lt;/style>"],
  ["<!-- comment --> ]]> <![CDATA[x]]>", "&lt;!-- comment --> ]]> &lt;![CDATA[x]]>"],
  ["&lt;script&gt; &#60;b&#62;", "&amp;lt;script&amp;gt; &amp;#60;b&amp;#62;"],
  ["[url=javascript:alert(1)]click[/url]", "[url=javascript:alert(1)]click[/url]"],
  ["[url]javascript:alert(1)[/url]", "[url]javascript:alert(1)[/url]"],
  ["[click](javascript:alert(1))", "[click](javascript:alert(1))"],
  ["[click](JaVaScRiPt:alert(1))", "[click](JaVaScRiPt:alert(1))"],
  ["[click]( javascript:alert(1))", "[click]( javascript:alert(1))"],
  ["javascript:alert(1) as bare text", "javascript:alert(1) as bare text"],
  ["[url=java&#115;cript:alert(1)]x[/url]", "[url=java&amp;#115;cript:alert(1)]x[/url]"],
  ["[url=\tjavascript:alert(1)]x[/url]", "[url=\tjavascript:alert(1)]x[/url]"],
  ["[url=data:text/html;base64,PHNjcmlwdD4=]x[/url]", "[url=data:text/html;base64,PHNjcmlwdD4=]x[/url]"],
  ["[x](vbscript:msgbox(1))", "[x](vbscript:msgbox(1))"],
  ["[x](//evil.example/)", "[x](//evil.example/)"],
  ["[x](mailto:me@example.org)", "[x](mailto:me@example.org)"],
  // The address alone, typed in full, is a link; the rest is the text typed.
  ['[url="https://example.org" onclick="alert(1)"]x[/url]',
    `[url=&quot;${LINK("https://example.org/", "https://example.org")}&quot; onclick=&quot;alert(1)&quot;]x[/url]`],
  ['[url=https://example.org" onmouseover="alert(1)]x[/url]',
    `[url=${LINK("https://example.org/", "https://example.org")}&quot; onmouseover=&quot;alert(1)]x[/url]`],
  ["[b onclick=alert(1)]x[/b]", "[b onclick=alert(1)]x[/b]"],
  ['https://example.org/"><script>alert(1)</script>', `${LINK("https://example.org/", "https://example.org/")}&quot;>&lt;script>alert(1)&lt;/script>`],
  ["[url=https://example.org/?q=<script>]x[/url]", LINK("https://example.org/?q=%3Cscript%3E", "x")],
  ["[url=https://example.org]javascript:alert(1)[/url]", LINK("https://example.org/", "javascript:alert(1)")],
  ["https://bank.example@evil.example/", "https://bank.example@evil.example/"],
  ["**<b onclick=alert(1)>**", "<strong>&lt;b onclick=alert(1)></strong>"],
  ["[b]<i>[/b]</i>", "<strong>&lt;i></strong>&lt;/i>"],
  ["||<svg onload=alert(1)>||", HIDDEN("&lt;svg onload=alert(1)>")],
  ["[spoiler][url=javascript:alert(1)]x[/url][/spoiler]", HIDDEN("[url=javascript:alert(1)]x[/url]")],
  ["||[x](https://example.org)||", HIDDEN('<span class="out">x</span>')],
  ["[img]https://example.org/x.png[/img]", `[img]${LINK("https://example.org/x.png", "https://example.org/x.png")}[/img]`],
  ["![alt](https://example.org/x.png)", `!${LINK("https://example.org/x.png", "alt")}`],
  ['[x](https://example.org/ "title")', `[x](${LINK("https://example.org/", "https://example.org/")} &quot;title&quot;)`],
  // A zero-width space ends an address: what the link leads to is what shows underlined, and the question before leaving names it.
  ["[x](https://exa\u200bmple.org)", `[x](${LINK("https://exa/", "https://exa")}\u200bmple.org)`],
  ["https://exa\u200bmple.org", `${LINK("https://exa/", "https://exa")}\u200bmple.org`],
  ["https://\u0430pple.com/", LINK("https://xn--pple-43d.com/", "https://\u0430pple.com/")],
  ["\u202eevil override **bold**", "\u202eevil override <strong>bold</strong>"],
  ["\u001b[31mred\u001b[0m \u0000", "\u001b[31mred\u001b[0m \u0000"],
  ["{{constructor.constructor('alert(1)')()}} ${alert(1)}", "{{constructor.constructor('alert(1)')()}} ${alert(1)}"],
];

describe("formatting cannot inject HTML", () => {
  it.each(HOSTILE)("%j renders to %j", (text, rendered) => expect(inner(text)).toBe(rendered));

  it("puts no element or attribute beyond the subset's on the page, and links only to http and https", () => {
    for (const [text] of HOSTILE) {
      const page = html(text);
      for (const [, name] of page.matchAll(/<([a-z0-9-]+)/gi)) expect(ELEMENTS, `${text} → <${name}>`).toContain(name);
      for (const [, attributes] of page.matchAll(/<[a-z0-9-]+((?:\s[^>]*)?)>/gi)) {
        for (const [, name] of attributes.matchAll(/\s([^\s=]+)=/g)) expect(ATTRIBUTES, `${text} → ${name}`).toContain(name);
      }
      for (const [, href] of page.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\/[^/@\s]+\//);
    }
  });

  it("keeps unclosed and deeply nested markup as text, nesting at most eight styles", () => {
    const opened = "[b]".repeat(2000);
    expect(inner(opened)).toBe(opened);
    const nested = "[b][i][u][s]".repeat(5) + "deep" + "[/s][/u][/i][/b]".repeat(5);
    expect((html(nested).match(/<(strong|em|u|s)>/g) ?? []).length).toBe(8);
    expect(html(nested)).not.toContain("<script");
  });

  it("renders a pathological 4,000-character line at once", () => {
    const inputs = [
      "*a".repeat(2000), "**a*".repeat(1000), "[b][i]".repeat(666) + "x", "[url=https://a.example]".repeat(175), "[x](".repeat(1000),
      "||~~**__".repeat(500), "[noparse]".repeat(444), "https://a.example/(".repeat(200), "[".repeat(4000), "_a_b".repeat(1000),
      "[url=javascript:x]".repeat(222) + "[/url]", "[x]".repeat(1333) + "(", "https://@".repeat(444), "[x](a(b)".repeat(500),
    ];
    for (const text of inputs) {
      // The best of three, so that a busy machine does not fail it: a blowup would take seconds, not milliseconds.
      let fastest = Infinity;
      let page = "";
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        page = html(text);
        fastest = Math.min(fastest, performance.now() - started);
      }
      expect(fastest, `${text.slice(0, 24)}…`).toBeLessThan(100);
      expect(page).not.toMatch(/<(?!\/?(bdi|strong|em|u|s|span|a|mark)\b)/);
    }
  });

  it("renders the longest line the protocol carries, keeping every character typed but the markup", () => {
    const unit = "**bold** _it_ [b]x[/b] https://example.org/a ||s|| ";
    const times = Math.floor(16_000 / unit.length);
    const started = performance.now();
    const page = html(unit.repeat(times));
    expect(performance.now() - started).toBeLessThan(500);
    expect(page.replace(/<[^>]+>/g, "")).toBe("bold it x https://example.org/a s ".repeat(times));
    expect(page.match(/<strong>/g)).toHaveLength(2 * times);
    expect(page.match(/<a /g)).toHaveLength(times);
    expect(page.match(/role="button"/g)).toHaveLength(times);
  });
});

describe("the names of the person in a line", () => {
  it("are marked where they stand as words, across formatting", () => {
    expect(html("**Juno**, meet *the red door* and Junopolis", ["Juno", "red door"]))
      .toBe('<bdi class="formatted"><strong><mark>Juno</mark></strong>, meet <em>the <mark>red door</mark></em> and Junopolis</bdi>');
    expect(inner("Ju**no**")).toBe("Ju<strong>no</strong>");
    expect(html("Ju**no** waves", ["Juno"])).toBe('<bdi class="formatted"><mark>Ju</mark><strong><mark>no</mark></strong> waves</bdi>');
    expect(html("nobody here", ["Juno"])).toBe('<bdi class="formatted">nobody here</bdi>');
  });
});
