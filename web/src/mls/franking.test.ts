import { describe, expect, test } from "vitest";
import { fromHex, hex, utf8 } from "./bytes";
import { authenticatedData, matches } from "./franking";

const key = Uint8Array.from({ length: 32 }, (_, i) => i);
const groupId = utf8("scene-abc");
const body = utf8('{"kind":"say","text":"hello"}');

describe("franking", () => {
  test("the commitment is the one the Java client computes", async () => {
    expect(hex(await authenticatedData(key, groupId, 7n, body)))
      .toBe("01cbbfecfe385c74b5315d1ab085e9744ed5a339bd7bb2a5b3ebec4fc8a5ae1f0e");
  });

  test("matches only the same key, group, epoch and body", async () => {
    const data = fromHex("01cbbfecfe385c74b5315d1ab085e9744ed5a339bd7bb2a5b3ebec4fc8a5ae1f0e");
    expect(await matches(data, key, groupId, 7n, body)).toBe(true);
    expect(await matches(data, key, groupId, 8n, body)).toBe(false);
    expect(await matches(data, key, utf8("scene-abd"), 7n, body)).toBe(false);
    expect(await matches(data, key, groupId, 7n, utf8('{"kind":"say","text":"hellO"}'))).toBe(false);
    expect(await matches(data, new Uint8Array(32), groupId, 7n, body)).toBe(false);
    expect(await matches(data.subarray(0, 32), key, groupId, 7n, body)).toBe(false);
  });
});
