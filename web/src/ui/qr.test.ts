import decodeQR from "qr/decode.js";
import { expect, test } from "vitest";
import { qrPath } from "./QrCode";

const NUMBER = "17722 06735 52097 83943 56628 45202 22213 06732 16969 21301 43411 56738";

/** Draws the path as a camera would see it: each module `scale` pixels square, black on white, RGBA. */
function picture(size: number, path: string, scale = 4) {
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) {
      const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
      data[at] = data[at + 1] = data[at + 2] = 0;
    }
  }
  return { width, height: width, data };
}

test("the QR code drawn in the page reads back as the safety number, spaces and all", () => {
  const { size, path } = qrPath(NUMBER);
  expect(path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
  expect(decodeQR(picture(size, path))).toBe(NUMBER);
});

test("the code keeps the quiet zone the standard asks for: four light modules on every side", () => {
  const { size, path } = qrPath(NUMBER);
  expect(size).toBe(33 + 8);
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)/g)) {
    expect(Number(x)).toBeGreaterThanOrEqual(4);
    expect(Number(y)).toBeLessThan(size - 4);
  }
});
