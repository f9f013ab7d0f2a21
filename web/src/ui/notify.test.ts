import { afterEach, expect, test, vi } from "vitest";

const shown: { title: string; body?: string }[] = [];
class FakeNotification {
  static permission = "granted";
  static requestPermission = async () => "granted";
  constructor(title: string, options?: { body?: string }) { shown.push({ title, body: options?.body }); }
}

async function fresh(visibility: "visible" | "hidden") {
  vi.resetModules();
  const stored = new Map<string, string>();
  vi.stubGlobal("localStorage", { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v) });
  vi.stubGlobal("Notification", FakeNotification);
  vi.stubGlobal("document", { visibilityState: visibility });
  return import("./notify");
}

afterEach(() => {
  vi.unstubAllGlobals();
  shown.length = 0;
});

test("nothing is shown until the person opts in", async () => {
  const notify = await fresh("hidden");
  notify.somethingNew();
  expect(shown).toEqual([]);
});

test("once opted in, a hidden page says only that something is new: no name, no text", async () => {
  const notify = await fresh("hidden");
  await notify.setNotifying(true);
  notify.somethingNew();
  expect(shown).toEqual([{ title: "Notes", body: "Something new" }]);
});

test("a visible page is not interrupted", async () => {
  const notify = await fresh("visible");
  await notify.setNotifying(true);
  notify.somethingNew();
  expect(shown).toEqual([]);
});
