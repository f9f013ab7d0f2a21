package org.tryst.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real Chromium for end-to-end tests, driven through playwright-core by a small Node bridge
 * ({@code web/e2e/bridge.mjs}). Each {@link #open} is a fresh browser context, as a separate
 * person on a separate machine; elements are found the way a person finds them: by role and name,
 * label or text. Every view a page shows is checked with axe-core (WCAG 2.2 AA and the best
 * practices about landmarks and headings) before the person acts on it; {@link #violations} says
 * what was found, and {@link #close} fails when something found was never asked for.
 */
public final class Browser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process node;
    private final Writer commands;
    private final BufferedReader answers;
    private final AtomicLong ids = new AtomicLong();

    private Browser(Process node) {
        this.node = node;
        this.commands = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts Chromium (headless) through the bridge; needs {@code npm ci} in {@code web/} and Debian's chromium. */
    public static Browser launch() {
        return launch(List.of());
    }

    /** Starts Chromium with these command-line flags besides the usual ones (fake cameras, for calls). */
    public static Browser launch(List<String> flags) {
        Path web = projectRoot().resolve("web");
        try {
            ProcessBuilder bridge = new ProcessBuilder("node", "e2e/bridge.mjs").directory(web.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            // Chromium's profile goes where the test run keeps its temporary files, and is deleted at close.
            bridge.environment().put("TMPDIR", System.getProperty("java.io.tmpdir"));
            Process node = bridge.start();
            Browser browser = new Browser(node);
            browser.call("launch", Map.of("flags", flags));
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node for the browser bridge", e);
        }
    }

    /** A new person: a fresh context at a desktop size, with one page at the address. */
    public Page open(String url) {
        return open(url, 1280, 800);
    }

    public Page open(String url, int width, int height) {
        String context = call("context", Map.of("viewport", Map.of("width", width, "height", height))).get("context").asText();
        Page page = new Page(call("page", Map.of("context", context)).get("page").asText());
        page.go(url);
        return page;
    }

    /**
     * What axe-core found wrong, one line per rule and view, in every view shown since the last
     * call (the views open now are checked first): empty when every view passed.
     */
    public List<String> violations() {
        List<String> found = new ArrayList<>();
        for (JsonNode violation : call("violations", Map.of()).get("violations")) {
            List<String> where = new ArrayList<>();
            violation.get("where").forEach(node -> where.add(node.asText()));
            found.add(violation.get("view").asText() + ": " + violation.get("rule").asText() + " (" + violation.get("impact").asText()
                    + ") " + violation.get("help").asText() + " " + where);
        }
        return found;
    }

    /** Closes every person's browser context, as at the end of a test, so that none outlives it. */
    public void forgetEveryone() {
        call("forget", Map.of());
    }

    /** Stops Chromium; throws when axe-core found violations nobody asked for with {@link #violations}. */
    @Override
    public void close() {
        List<String> unreported = List.of();
        try {
            unreported = violations();
            call("close", Map.of());
        } catch (RuntimeException alreadyGone) {
            // The bridge may have exited first; it is stopped below either way.
        }
        node.destroy();
        node.onExit().join();
        if (!unreported.isEmpty()) throw new AssertionError("axe-core found accessibility violations:\n" + String.join("\n", unreported));
    }

    private synchronized JsonNode call(String op, Map<String, ?> arguments) {
        String id = "b" + ids.incrementAndGet();
        ObjectNode command = JSON.valueToTree(arguments);
        command.put("id", id).put("op", op);
        try {
            commands.write(JSON.writeValueAsString(command) + "\n");
            commands.flush();
            String line = answers.readLine();
            if (line == null) throw new IllegalStateException("the browser bridge stopped");
            JsonNode answer = JSON.readTree(line);
            if (!answer.get("ok").asBoolean()) throw new AssertionError(op + " " + arguments + ": " + answer.get("error").asText());
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("web/e2e/bridge.mjs"))) return dir;
        }
        throw new IllegalStateException("no web/e2e/bridge.mjs above " + here);
    }

    /** How to find an element, as a person would: by role and accessible name, by label, or by visible text. */
    public record Element(Map<String, Object> spec) {
        public static Element role(String role, String name) {
            return new Element(Map.of("role", role, "name", name));
        }

        public static Element role(String role) {
            return new Element(Map.of("role", role));
        }

        public static Element label(String label) {
            return new Element(Map.of("label", label));
        }

        public static Element text(String text) {
            return new Element(Map.of("text", text));
        }

        public static Element css(String selector) {
            return new Element(Map.of("css", selector));
        }

        /** The same element, looked for only inside another. */
        public Element within(Element outer) {
            Map<String, Object> scoped = new LinkedHashMap<>(spec);
            scoped.put("within", outer.spec);
            return new Element(scoped);
        }

        /** The same element, its name or text matched whole and case-sensitively rather than as a part. */
        public Element exactly() {
            Map<String, Object> exact = new LinkedHashMap<>(spec);
            exact.put("exact", true);
            return new Element(exact);
        }

        /** The n-th match (from 0) instead of the first. */
        public Element nth(int index) {
            Map<String, Object> indexed = new LinkedHashMap<>(spec);
            indexed.put("nth", index);
            return new Element(indexed);
        }
    }

    /** One tab of one person. */
    public final class Page {
        private final String id;

        private Page(String id) {
            this.id = id;
        }

        public void go(String url) {
            call("goto", Map.of("page", id, "url", url));
        }

        public void reload() {
            call("reload", Map.of("page", id));
        }

        public void click(Element element) {
            call("click", Map.of("page", id, "element", element.spec()));
        }

        public void fill(Element element, String value) {
            call("fill", Map.of("page", id, "element", element.spec(), "value", value));
        }

        /** Chooses an option of a select by the text the person reads on it. */
        public void select(Element element, String option) {
            call("select", Map.of("page", id, "element", element.spec(), "label", option));
        }

        public void check(Element element) {
            call("check", Map.of("page", id, "element", element.spec()));
        }

        /** Types text into whatever has the focus, key by key, as a person at a keyboard does. */
        public void type(String text) {
            call("type", Map.of("page", id, "text", text));
        }

        /** Presses a key (as Playwright names them: "Enter", "Escape", "Tab") on the focused element. */
        public void press(String key) {
            call("press", Map.of("page", id, "key", key));
        }

        public void press(Element element, String key) {
            call("press", Map.of("page", id, "element", element.spec(), "key", key));
        }

        /** Waits (up to ten seconds) until the element is visible. */
        public void sees(Element element) {
            call("wait", Map.of("page", id, "element", element.spec()));
        }

        /** Waits (up to ten seconds) until the element is gone from view: removed, or hidden. */
        public void seesNo(Element element) {
            call("gone", Map.of("page", id, "element", element.spec()));
        }

        public String text(Element element) {
            return call("text", Map.of("page", id, "element", element.spec())).get("text").asText();
        }

        public int count(Element element) {
            return call("count", Map.of("page", id, "element", element.spec())).get("count").asInt();
        }

        public String attribute(Element element, String name) {
            JsonNode value = call("attribute", Map.of("page", id, "element", element.spec(), "name", name)).get("value");
            return value == null || value.isNull() ? null : value.asText();
        }

        /** Runs a script in the page and returns its JSON result. */
        public JsonNode evaluate(String script) {
            return call("evaluate", Map.of("page", id, "script", script)).get("value");
        }

        public String title() {
            return call("title", Map.of("page", id)).get("title").asText();
        }

        public void screenshot(Path file) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            call("screenshot", Map.of("page", id, "path", file.toAbsolutePath().toString()));
        }

        /** Cuts this person's network (true) or gives it back (false), as a dropped connection would. */
        public void offline(boolean offline) {
            call("offline", Map.of("page", id, "offline", offline));
        }

        /** Takes over the page's clock, for timers and dates set from now on (reload for those of the page's start). */
        public void installClock() {
            call("clock", Map.of("page", id));
        }

        /** Moves a clock taken over forward, firing the timers that fall due meanwhile, as time passing would. */
        public void fastForward(java.time.Duration time) {
            call("clock", Map.of("page", id, "forward", time.toMillis()));
        }

        public void resize(int width, int height) {
            call("viewport", Map.of("page", id, "width", width, "height", height));
        }

        /** A file the page handed to the browser to save: its suggested name and its text. */
        public record Download(String name, String text) {}

        /** Clicks what starts a download and returns the file, as the person would find it saved. */
        public Download download(Element element) {
            JsonNode file = call("download", Map.of("page", id, "element", element.spec()));
            return new Download(file.get("name").asText(), file.get("text").asText());
        }

        /** Chooses a file in a file input (found by its label), as a person picking it from their device would. */
        public void upload(Element element, Path file) {
            call("upload", Map.of("page", id, "element", element.spec(), "path", file.toAbsolutePath().toString()));
        }

        /** Errors the page wrote to its console, or threw, since it opened. */
        public List<String> errors() {
            List<String> errors = new ArrayList<>();
            call("errors", Map.of("page", id)).get("errors").forEach(error -> errors.add(error.asText()));
            return errors;
        }
    }
}
