// Drives Debian's Chromium for Tryst's end-to-end tests, which are written in Java: it reads one
// JSON command per line on stdin and answers one JSON line per command on stdout, by id.
// Commands: launch, context, page, goto, click, fill, select, press, check, wait, gone, text, count,
// attribute, evaluate, title, screenshot, offline, clock, viewport, reload, errors, type, download, upload, violations, forget, close.
// Elements are named the way a person finds them: {role, name} | {label} | {text} | {placeholder} | {css}, optionally {within}.
// Every view a page shows is checked with axe-core once (see audit); `violations` hands over what it found.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.TRYST_CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TIMEOUT = 10_000;

let browser;
const contexts = new Map();
const pages = new Map();
const errors = new Map();
let next = 1;

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** What axe checks: WCAG 2.2 A and AA, and the best practices about landmarks and headings. */
const AXE_OPTIONS = { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } };
/** The views each page has shown and were checked, by page; the violations found, in the order found. */
const audited = new Map();
const violations = [];

/**
 * The view a page shows, as the client names it (data-view on the elements that make a view or an
 * overlay), with the width it is laid out for and its theme, or null while the page is between documents.
 */
async function viewOf(page) {
  try {
    return await page.evaluate(() => {
      if (location.protocol === "about:") return null;
      const parts = [...document.querySelectorAll("[data-view]")].map((element) => element.getAttribute("data-view"));
      const theme = document.documentElement.dataset.theme ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
      return `${parts.length ? parts.join("+") : location.pathname} at ${innerWidth}px, ${theme}`;
    });
  } catch {
    return null;
  }
}

/**
 * Checks the page's current view with axe-core unless it was checked before, and that it has
 * exactly one h1 and one main landmark, which axe does not insist on. A page navigating away
 * meanwhile is checked at its next view instead.
 */
async function audit(id) {
  const page = pages.get(id);
  if (!page || page.isClosed()) return;
  const view = await viewOf(page);
  if (view === null || audited.get(id).has(view)) return;
  try {
    // Evaluated by the debugger, axe's source is not held to the page's Content-Security-Policy.
    if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
    const found = await page.evaluate(async (options) => {
      const result = await window.axe.run(document, options);
      const headings = [...document.querySelectorAll("h1")].filter((h1) => h1.checkVisibility());
      const problems = result.violations.map((violation) => ({
        rule: violation.id, impact: violation.impact, help: violation.help,
        where: violation.nodes.slice(0, 5).map((node) => `${node.target.join(" ")}: ${node.failureSummary?.split("\n").slice(1).join(" ")}`),
      }));
      if (headings.length !== 1) problems.push({ rule: "one-h1", impact: "moderate", help: `the view has ${headings.length} visible h1`, where: headings.map((h1) => h1.textContent) });
      const mains = [...document.querySelectorAll("main, [role=main]")].filter((main) => main.checkVisibility());
      if (mains.length !== 1) problems.push({ rule: "one-main", impact: "moderate", help: `the view has ${mains.length} visible main landmarks`, where: [] });
      return problems;
    }, AXE_OPTIONS);
    audited.get(id).add(view);
    for (const problem of found) violations.push({ view, ...problem });
  } catch {
    // The page went to another document while axe ran: its next view is checked instead.
  }
}

/** Every element that fits the description, in document order. */
function locateAll(page, spec) {
  const scope = spec.within ? locate(page, spec.within) : page;
  if (spec.role) return scope.getByRole(spec.role, spec.name === undefined ? {} : { name: spec.name, exact: spec.exact ?? false });
  if (spec.label) return scope.getByLabel(spec.label, { exact: spec.exact ?? false });
  if (spec.text) return scope.getByText(spec.text, { exact: spec.exact ?? false });
  if (spec.placeholder) return scope.getByPlaceholder(spec.placeholder);
  return scope.locator(spec.css);
}

/** The first element that fits the description, or the n-th. */
function locate(page, spec) {
  const found = locateAll(page, spec);
  return spec.nth === undefined ? found.first() : found.nth(spec.nth);
}

const commands = {
  async launch({ flags = [] }) {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...flags] });
    return {};
  },
  async context({ viewport }) {
    const context = await browser.newContext({ viewport: viewport ?? { width: 1280, height: 800 } });
    context.setDefaultTimeout(TIMEOUT);
    const id = `c${next++}`;
    contexts.set(id, context);
    return { context: id };
  },
  async page({ context }) {
    const page = await contexts.get(context).newPage();
    const id = `p${next++}`;
    pages.set(id, page);
    errors.set(id, []);
    audited.set(id, new Set());
    page.on("console", (message) => { if (message.type() === "error") errors.get(id).push(message.text()); });
    page.on("pageerror", (error) => errors.get(id).push(String(error)));
    // A person answering the page's confirm() or prompt() says yes (with the default text).
    page.on("dialog", (dialog) => dialog.accept());
    return { page: id };
  },
  async goto({ page, url }) { await pages.get(page).goto(url); return {}; },
  async reload({ page }) { await pages.get(page).reload(); return {}; },
  async click({ page, element }) { await locate(pages.get(page), element).click(); return {}; },
  async fill({ page, element, value }) { await locate(pages.get(page), element).fill(value); return {}; },
  async select({ page, element, label }) { await locate(pages.get(page), element).selectOption({ label }); return {}; },
  async check({ page, element }) { await locate(pages.get(page), element).check(); return {}; },
  async type({ page, text }) { await pages.get(page).keyboard.type(text); return {}; },
  async press({ page, element, key }) {
    if (element) await locate(pages.get(page), element).press(key);
    else await pages.get(page).keyboard.press(key);
    return {};
  },
  async wait({ page, element }) { await locate(pages.get(page), element).waitFor({ state: "visible" }); return {}; },
  async gone({ page, element }) { await locate(pages.get(page), element).waitFor({ state: "hidden" }); return {}; },
  async text({ page, element }) { return { text: await locate(pages.get(page), element).innerText() }; },
  async count({ page, element }) { return { count: await locateAll(pages.get(page), element).count() }; },
  async attribute({ page, element, name }) { return { value: await locate(pages.get(page), element).getAttribute(name) }; },
  async evaluate({ page, script }) { return { value: await pages.get(page).evaluate(script) }; },
  async title({ page }) { return { title: await pages.get(page).title() }; },
  async screenshot({ page, path }) { await pages.get(page).screenshot({ path, fullPage: true }); return {}; },
  async offline({ page, offline }) { await pages.get(page).context().setOffline(offline); return {}; },
  // Takes over the page's clock (timers and Date), or moves a clock taken over forward, firing what falls due.
  async clock({ page, forward }) {
    if (forward === undefined) await pages.get(page).clock.install();
    else await pages.get(page).clock.fastForward(forward);
    return {};
  },
  async viewport({ page, width, height }) { await pages.get(page).setViewportSize({ width, height }); return {}; },
  async errors({ page }) { return { errors: errors.get(page) }; },
  // Clicks what starts a download and answers with the file's suggested name and its text (UTF-8).
  async download({ page, element }) {
    const [file] = await Promise.all([pages.get(page).waitForEvent("download"), locate(pages.get(page), element).click()]);
    const chunks = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk);
    return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
  },
  // Chooses a file in a file input, as picking it from the device would.
  async upload({ page, element, path }) { await locate(pages.get(page), element).setInputFiles(path); return {}; },
  /** Checks every open page's current view, then hands over every violation found since the last call. */
  async violations() {
    for (const id of pages.keys()) await audit(id);
    return { violations: violations.splice(0) };
  },
  /** Closes every person's context: what one test opened does not outlive it. */
  async forget() {
    for (const context of contexts.values()) await context.close();
    contexts.clear();
    pages.clear();
    return {};
  },
  async close() {
    await browser?.close();
    setImmediate(() => process.exit(0));
    return {};
  },
};

const lines = createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  const { id, op, ...args } = JSON.parse(line);
  try {
    // Before a person acts on a view, or reads it, the view they see is checked.
    if (args.page && op !== "page") await audit(args.page);
    const result = await commands[op](args);
    process.stdout.write(JSON.stringify({ id, ok: true, ...result }) + "\n");
  } catch (error) {
    process.stdout.write(JSON.stringify({ id, ok: false, error: String(error?.message ?? error) }) + "\n");
  }
});
lines.on("close", () => browser?.close().finally(() => process.exit(0)));
