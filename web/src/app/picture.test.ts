import { describe, expect, test } from "vitest";
import { attempts, base64, firstThatFits, MAX_PICTURE_BYTES, middleSquare, type Attempt } from "./picture";

describe("a picture made into an avatar", () => {
  test("is cut to its middle square, as the server cuts it", () => {
    expect(middleSquare(640, 480)).toEqual({ x: 80, y: 0, side: 480 });
    expect(middleSquare(300, 901)).toEqual({ x: 0, y: 300, side: 300 });
    expect(middleSquare(64, 64)).toEqual({ x: 0, y: 0, side: 64 });
  });

  test("a photograph is tried as JPEG from 512 pixels down, lowering the quality before the size", () => {
    const tries = attempts(3000, false);
    expect(tries.slice(0, 4)).toEqual([{ side: 512, quality: 0.86 }, { side: 512, quality: 0.72 }, { side: 512, quality: 0.58 }, { side: 384, quality: 0.86 }]);
    expect(tries.at(-1)).toEqual({ side: 32, quality: 0.58 });
  });

  test("a small picture is never made larger, and one with transparency stays PNG", () => {
    expect(attempts(200, true)).toEqual([{ side: 200 }, { side: 192 }, { side: 128 }, { side: 96 }, { side: 64 }, { side: 32 }]);
  });

  test("the first encoding within the server's limit is sent, and none when even the smallest is too big", async () => {
    const tried: Attempt[] = [];
    const encode = async (attempt: Attempt) => {
      tried.push(attempt);
      return new Uint8Array(attempt.side >= 384 ? MAX_PICTURE_BYTES + 1 : MAX_PICTURE_BYTES);
    };
    const bytes = await firstThatFits(attempts(1024, true), encode);
    expect(bytes).toHaveLength(MAX_PICTURE_BYTES);
    expect(tried).toEqual([{ side: 512 }, { side: 384 }, { side: 256 }]);
    expect(await firstThatFits(attempts(64, false), async () => new Uint8Array(MAX_PICTURE_BYTES + 1))).toBeNull();
  });

  test("is sent as base64, however many bytes it has", () => {
    expect(base64(new Uint8Array([0xff, 0xd8, 0xff]))).toBe("/9j/");
    const large = new Uint8Array(MAX_PICTURE_BYTES).map((_, index) => index % 251);
    expect(Uint8Array.from(atob(base64(large)), (char) => char.charCodeAt(0))).toEqual(large);
  });
});
