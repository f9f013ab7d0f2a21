import { afterEach, expect, test, vi } from "vitest";

async function fresh(initial?: string) {
  vi.resetModules();
  const stored = new Map<string, string>();
  if (initial) stored.set("notes.lock", initial);
  vi.stubGlobal("localStorage", {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => stored.set(k, v),
    removeItem: (k: string) => stored.delete(k),
  });
  return { lock: await import("./lock"), stored };
}

afterEach(() => vi.unstubAllGlobals());

test("without a lock the app is open, and a PIN that is too short or too long is refused with the rule", async () => {
  const { lock } = await fresh();
  expect(lock.locked.value).toBe(false);
  expect(lock.pinProblem("123")).toBe("A PIN has at least 4 characters.");
  expect(lock.pinProblem("1".repeat(65))).toBe("A PIN has at most 64 characters.");
  expect(lock.pinProblem("1234")).toBeNull();
  await expect(lock.setLock("12", 5)).rejects.toThrow("at least 4");
  expect(lock.lockSetting.value).toBeNull();
});

test("a PIN set is stored only as a salted hash, and a reload opens locked", async () => {
  const { lock, stored } = await fresh();
  await lock.setLock("2468", 5);
  expect(lock.locked.value).toBe(false);
  const saved = stored.get("notes.lock")!;
  expect(saved).not.toContain("2468");
  const again = await fresh(saved);
  expect(again.lock.locked.value).toBe(true);
  expect(await again.lock.unlock("2468")).toEqual({ kind: "unlocked" });
  expect(again.lock.locked.value).toBe(false);
});

test("wrong PINs count down across reloads, the right one resets the count, and the last try removes the lock", async () => {
  const { lock, stored } = await fresh();
  await lock.setLock("2468", 5);
  lock.lockNow();
  expect(await lock.unlock("0000")).toEqual({ kind: "wrong", left: 9 });
  const reloaded = await fresh(stored.get("notes.lock"));
  expect(await reloaded.lock.unlock("1111")).toEqual({ kind: "wrong", left: 8 });
  expect(await reloaded.lock.unlock("2468")).toEqual({ kind: "unlocked" });
  reloaded.lock.lockNow();
  for (let left = 9; left > 0; left--) expect(await reloaded.lock.unlock("9999")).toEqual({ kind: "wrong", left });
  expect(await reloaded.lock.unlock("9999")).toEqual({ kind: "exhausted" });
  expect(reloaded.stored.has("notes.lock")).toBe(false);
}, 60_000);

test("the idle time decides when the app locks", async () => {
  const { lock } = await fresh();
  expect(lock.idleTooLong(0, 4 * 60_000, 5)).toBe(false);
  expect(lock.idleTooLong(0, 5 * 60_000, 5)).toBe(true);
});

test("logging in with the password opens a locked app", async () => {
  const { lock, stored } = await fresh();
  await lock.setLock("2468", 1);
  const reloaded = await fresh(stored.get("notes.lock"));
  expect(reloaded.lock.locked.value).toBe(true);
  reloaded.lock.signedInAnew();
  expect(reloaded.lock.locked.value).toBe(false);
});
