package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.css;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.acceptAndOpen;
import static org.tryst.web.InBrowser.invite;
import static org.tryst.web.InBrowser.newcomer;
import static org.tryst.web.InBrowser.openFromList;
import static org.tryst.web.InBrowser.say;
import static org.tryst.web.InBrowser.sayInScene;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/**
 * Formatted lines in real Chromium: what one browser sends, hostile or not, shows in another with
 * the subset's elements only (no script, image or handler of the author's ever reaches the page),
 * spoilers hide until shown, a link asks before leaving and shows where it leads, highlight words
 * light a line and its conversation's mention mark, and an author's consecutive lines show their
 * name once.
 */
class FormattingInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static final Browser.Element LIST = role("navigation", "Conversations");

    /** Lines that try to become HTML, scripts, handlers or links to scripts; each must show as the text typed. */
    private static final List<String> HOSTILE = List.of(
            "<script>window.pwned = 1</script>",
            "<img src=x onerror=\"window.pwned = 2\">",
            "[url=javascript:window.pwned=3]click me[/url]",
            "[do not](javascript:window.pwned=4)",
            "<a href=\"javascript:window.pwned=5\">a link</a> [b onclick=window.pwned=6]x[/b]",
            "**[b]never closed",
            "\u202eevil override then **bold**");

    /**
     * Every element inside the lines' formatted text, and what is wrong with it: an element or an
     * attribute the subset does not make, a handler, a link to anything but http(s); and whether a
     * hostile line's script ran.
     */
    private static final String INSPECT = """
            (() => {
              const elements = new Set(["BDI", "STRONG", "EM", "U", "S", "SPAN", "A", "MARK"]);
              const attributes = new Set(["class", "href", "target", "rel", "role", "tabindex", "aria-label", "aria-hidden"]);
              const wrong = [];
              for (const element of document.querySelectorAll("main .lines .formatted, main .lines .formatted *")) {
                if (!elements.has(element.tagName)) wrong.push("element " + element.tagName);
                for (const attribute of element.attributes) {
                  if (attribute.name.startsWith("on")) wrong.push("handler " + attribute.name);
                  else if (!attributes.has(attribute.name)) wrong.push("attribute " + attribute.name);
                }
                if (element.tagName === "A" && !/^https?:\\/\\//.test(element.getAttribute("href"))) wrong.push("href " + element.getAttribute("href"));
              }
              const foreign = document.querySelectorAll("main .lines :is(script, style, iframe, object, embed, img:not(.avatar), svg:not(.die))").length;
              return { wrong, foreign, pwned: window.pwned ?? null, texts: document.querySelectorAll("main .lines .formatted").length };
            })()""";

    @Test
    void hostileAndFormattedLinesFromAnotherBrowserShowOnlyTheSubsetsElements() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "parlour");
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        newcomer(ben, "ben", "Kit", "parlour");

        say(ann, "**bold**, *italic*, ~~struck~~, [u]underlined[/u] and [i]BBCode[/i] alike");
        say(ann, "the ending: ||the butler did it||");
        HOSTILE.forEach(line -> say(ann, line));
        say(ann, "and [the map](https://example.org/map) for the way");
        ben.sees(text("for the way"));

        ben.sees(css("main .lines li strong"));
        assertThat(ben.text(css("main .lines li strong"))).isEqualTo("bold");
        assertThat(ben.text(css("main .lines li em"))).isEqualTo("italic");
        assertThat(ben.text(css("main .lines li s"))).isEqualTo("struck");
        assertThat(ben.text(css("main .lines li u"))).isEqualTo("underlined");
        for (String line : List.of("<script>window.pwned = 1</script>", "<img src=x onerror=\"window.pwned = 2\">",
                "[url=javascript:window.pwned=3]click me[/url]", "[do not](javascript:window.pwned=4)", "**[b]never closed")) {
            assertThat(ben.count(text(line))).as("shown as typed: %s", line).isOne();
        }
        JsonNode found = ben.evaluate(INSPECT);
        List<String> wrong = new ArrayList<>();
        found.get("wrong").forEach(problem -> wrong.add(problem.asText()));
        assertThat(wrong).as("elements and attributes beyond the subset's").isEmpty();
        assertThat(found.get("foreign").asInt()).as("scripts, styles, frames or images among the lines").isZero();
        assertThat(found.get("pwned").isNull()).as("no script of a line ran").isTrue();
        assertThat(found.get("texts").asInt()).isEqualTo(HOSTILE.size() + 3);
        assertThat(ben.count(css("main .lines a.out"))).as("only the https link is a link").isOne();

        ben.seesNo(text("the butler did it"));
        ben.click(role("button", "Spoiler, hidden: show it"));
        ben.sees(text("the butler did it"));
        assertThat(ben.evaluate("document.activeElement.textContent").asText()).as("the focus stays on what was shown").isEqualTo("the butler did it");

        ben.screenshot(SHOTS.resolve("formatting-phone.png"));
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void aSpoilerOpensFromTheKeyboard() {
        Browser.Page ann = browser.open(server.origin());
        newcomer(ann, "ann", "Juno", "reading-room");
        Browser.Page ben = browser.open(server.origin());
        newcomer(ben, "ben", "Kit", "reading-room");

        say(ann, "[spoiler]chapter nine[/spoiler] is the best");
        ben.sees(role("button", "Spoiler, hidden: show it"));
        ben.evaluate("document.querySelector('main .lines .spoiler[role=button]').focus()");
        ben.press("Enter");
        ben.sees(text("chapter nine"));
        assertThat(ben.count(role("button", "Spoiler, hidden: show it"))).isZero();
    }

    @Test
    void aLinkAsksBeforeLeavingAndShowsTheHostAsTheBrowserReadsIt() {
        Browser.Page ann = browser.open(server.origin());
        newcomer(ann, "ann", "Juno", "library");
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        newcomer(ben, "ben", "Kit", "library");

        say(ann, "the catalogue: [the shelf list](https://books.example.org/shelves?floor=2#east)");
        ben.click(role("link", "the shelf list"));
        ben.sees(role("dialog", "Leave for books.example.org?"));
        assertThat(ben.text(css("dialog.leaving .address"))).isEqualTo("https://books.example.org/shelves?floor=2#east");
        assertThat(ben.text(css("dialog.leaving .address strong"))).as("the host stands out").isEqualTo("books.example.org");
        Browser.Element open = role("link", "Open books.example.org");
        assertThat(ben.attribute(open, "href")).isEqualTo("https://books.example.org/shelves?floor=2#east");
        assertThat(ben.attribute(open, "target")).isEqualTo("_blank");
        assertThat(ben.attribute(open, "rel")).isEqualTo("noopener noreferrer");
        assertThat(ben.attribute(role("link", "the shelf list"), "rel")).isEqualTo("noopener noreferrer");
        ben.screenshot(SHOTS.resolve("link-warning-phone.png"));
        ben.click(role("button", "Stay here"));
        ben.seesNo(role("dialog"));
        assertThat(ben.evaluate("document.activeElement.textContent").asText()).as("the focus is back on the link").isEqualTo("the shelf list");

        // A host in look-alike letters (a Cyrillic "а") shows as the browser spells it, not as it looks.
        say(ann, "or https://\u0430pple.example/login");
        ann.click(role("link", "https://\u0430pple.example/login"));
        ann.sees(role("dialog", "Leave for xn--pple-43d.example?"));
        assertThat(ann.text(css("dialog.leaving .address strong"))).isEqualTo("xn--pple-43d.example");
        ann.screenshot(SHOTS.resolve("link-warning.png"));
        ann.press("Escape");
        ann.seesNo(role("dialog"));
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void aHighlightWordLightsALineAndTheMentionMark() {
        Browser.Page ann = browser.open(server.origin(), 390, 844);
        newcomer(ann, "ann", "Juno", "lighthouse");
        Browser.Page ben = browser.open(server.origin());
        String kit = newcomer(ben, "ben", "Kit", "lighthouse");

        openFromList(ben, "Account");
        ben.sees(text("Kept in this browser only, for this account: the server never sees them."));
        ben.fill(label("Words that count as naming you"), "lantern, red door");
        ben.click(role("button", "Save highlight words"));
        ben.sees(text("Saved in this browser: lantern, red door."));

        say(ann, "the keeper trims the wick");
        ben.sees(role("button", "#lighthouse 1 unread").within(LIST));
        say(ann, "and lights the **Lantern** at dusk");
        ben.sees(role("button", "#lighthouse 2 unread mentions you").within(LIST));

        openFromList(ben, "#lighthouse");
        ben.sees(css("main .lines li.mention mark"));
        assertThat(ben.text(css("main .lines li.mention mark"))).isEqualTo("Lantern");
        assertThat(ben.count(css("main .lines li.mention"))).as("only the line with the word stands out").isOne();
        say(ben, "I see the lantern, " + kit + " here");
        say(ann, "formatting reads like a story: *she climbs the stairs*, **slowly**, to the [b]lamp room[/b]");
        say(ann, "and a link for the log: https://example.org/log, and who keeps it: ||the keeper's cat||");
        ben.sees(text("https://example.org/log"));
        ben.sees(role("button", "Spoiler, hidden: show it"));
        ben.screenshot(SHOTS.resolve("formatting.png"));
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void consecutiveLinesOfOneAuthorShowTheirNameOnce() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "veranda");
        Browser.Page ben = browser.open(server.origin());
        String kit = newcomer(ben, "ben", "Kit", "veranda");

        say(ann, "first thought");
        say(ann, "second thought");
        say(ann, "/me stretches");
        say(ben, "an answer");
        ann.sees(text(kit + ": an answer"));
        JsonNode lines = ann.evaluate("""
                [...document.querySelectorAll('main .lines li:not(.older):not(.day)')].map((li) => ({
                  text: li.innerText, continued: li.classList.contains('continued'),
                  nameShown: (li.querySelector('.by') ?? li.querySelector('.who')).getBoundingClientRect().width > 2 }))""");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("continued").asBoolean()).isFalse();
        assertThat(lines.get(0).get("nameShown").asBoolean()).isTrue();
        assertThat(lines.get(1).get("continued").asBoolean()).as("the same author again, at once").isTrue();
        assertThat(lines.get(1).get("nameShown").asBoolean()).isFalse();
        assertThat(ann.count(text(juno + ": second thought"))).as("the name is still there for screen readers").isOne();
        assertThat(lines.get(2).get("continued").asBoolean()).as("a pose reads with its name").isFalse();
        assertThat(lines.get(3).get("continued").asBoolean()).as("another author").isFalse();
    }

    @Test
    void aProfilesDescriptionIsFormattedAsLinesAreAndKeepsItsParagraphs() {
        Browser.Page author = browser.open(server.origin());
        String wren = newcomer(author, "writer", "Wren", "study");
        openFromList(author, "Profile of " + wren);
        author.fill(label("Description"), "A **tall** [i]scholar[/i].\n\n<img src=x onerror=\"window.pwned = 7\"> [url=javascript:alert(1)]no[/url]");
        author.click(role("button", "Save").exactly());
        author.sees(text(wren + " is saved."));
        Browser.Page reader = browser.open(server.origin());
        newcomer(reader, "reader", "Rook", "study");
        reader.click(role("button", wren).exactly());
        reader.sees(css("main .description strong"));
        assertThat(reader.text(css("main .description strong"))).isEqualTo("tall");
        assertThat(reader.text(css("main .description em"))).isEqualTo("scholar");
        assertThat(reader.count(css("main .description img, main .description a"))).as("hostile markup stays text").isZero();
        assertThat(reader.text(css("main .description"))).contains("\n\n").contains("<img src=x");
        assertThat(reader.evaluate("window.pwned ?? null").isNull()).isTrue();
    }

    @Test
    void aSceneLineIsFormattedOnTheDeviceThatDecryptsIt() {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "garden");
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        String kit = newcomer(ben, "ben", "Kit", "garden");
        ann.click(role("button", kit).exactly());
        invite(ann, kit);
        acceptAndOpen(ben, juno);
        ann.sees(role("heading", "Private scene with " + kit));

        sayInScene(ann, "*whispers* ||the key is under the stone|| <img src=x onerror=window.pwned=1>");
        ben.sees(text("<img src=x onerror=window.pwned=1>"));
        assertThat(ben.text(css("main .lines li em"))).isEqualTo("whispers");
        ben.seesNo(text("the key is under the stone"));
        ben.click(role("button", "Spoiler, hidden: show it"));
        ben.sees(text("the key is under the stone"));
        JsonNode found = ben.evaluate(INSPECT);
        assertThat(found.get("wrong")).isEmpty();
        assertThat(found.get("foreign").asInt()).isZero();
        assertThat(found.get("pwned").isNull()).isTrue();
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }
}
