// Drives Debian's Chromium for Tryst's end-to-end tests, which are written in Java: it reads one
// JSON command per line on stdin and answers one JSON line per command on stdout, by id.
// Commands: launch, context, page, goto, click, fill, select, press, check, wait, gone, text, count,
// attribute, evaluate, title, screenshot, offline, viewport, reload, errors, type, download, close. Elements are named the way a
// person finds them: {role, name} | {label} | {text} | {placeholder} | {css}, optionally {within}.
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

function locate(page, spec) {
  let scope = spec.within ? locate(page, spec.within) : page;
  let found;
  if (spec.role) found = scope.getByRole(spec.role, spec.name === undefined ? {} : { name: spec.name, exact: spec.exact ?? false });
  else if (spec.label) found = scope.getByLabel(spec.label, { exact: spec.exact ?? false });
  else if (spec.text) found = scope.getByText(spec.text, { exact: spec.exact ?? false });
  else if (spec.placeholder) found = scope.getByPlaceholder(spec.placeholder);
  else found = scope.locator(spec.css);
  return spec.nth === undefined ? found.first() : found.nth(spec.nth);
}

const commands = {
  async launch() {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
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
  async count({ page, element }) {
    const spec = { ...element };
    delete spec.nth;
    const scope = pages.get(page);
    const all = spec.role ? scope.getByRole(spec.role, spec.name === undefined ? {} : { name: spec.name })
      : spec.text ? scope.getByText(spec.text) : spec.label ? scope.getByLabel(spec.label) : scope.locator(spec.css);
    return { count: await all.count() };
  },
  async attribute({ page, element, name }) { return { value: await locate(pages.get(page), element).getAttribute(name) }; },
  async evaluate({ page, script }) { return { value: await pages.get(page).evaluate(script) }; },
  async title({ page }) { return { title: await pages.get(page).title() }; },
  async screenshot({ page, path }) { await pages.get(page).screenshot({ path, fullPage: true }); return {}; },
  async offline({ page, offline }) { await pages.get(page).context().setOffline(offline); return {}; },
  async viewport({ page, width, height }) { await pages.get(page).setViewportSize({ width, height }); return {}; },
  async errors({ page }) { return { errors: errors.get(page) }; },
  // Clicks what starts a download and answers with the file's suggested name and its text (UTF-8).
  async download({ page, element }) {
    const [file] = await Promise.all([pages.get(page).waitForEvent("download"), locate(pages.get(page), element).click()]);
    const chunks = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk);
    return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
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
    const result = await commands[op](args);
    process.stdout.write(JSON.stringify({ id, ok: true, ...result }) + "\n");
  } catch (error) {
    process.stdout.write(JSON.stringify({ id, ok: false, error: String(error?.message ?? error) }) + "\n");
  }
});
lines.on("close", () => browser?.close().finally(() => process.exit(0)));
