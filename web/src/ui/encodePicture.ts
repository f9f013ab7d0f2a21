import { attempts, base64, firstThatFits, LARGEST_PICTURE_SIDE, middleSquare, MIN_PICTURE_SIDE, type Attempt } from "../app/picture";
import { Said } from "./errors";

type Square = ReturnType<typeof middleSquare>;

/**
 * A chosen file as `persona.avatar` sends it: decoded by the browser (any format it reads, a
 * phone's photograph turned upright), cut to its middle square, drawn anew on a canvas and
 * encoded as JPEG, or PNG when it has transparency, small enough for the server. Only the pixels
 * are drawn, so the file's metadata never leaves the device either.
 */
export async function encodePicture(file: Blob): Promise<string> {
  const bitmap = await createImageBitmap(file).catch(() => {
    throw new Said("That file could not be read as a picture; choose a photograph, or a PNG, JPEG or GIF.");
  });
  try {
    const square = middleSquare(bitmap.width, bitmap.height);
    if (square.side < MIN_PICTURE_SIDE) throw new Said(`That picture is too small: it needs at least ${MIN_PICTURE_SIDE} pixels a side.`);
    const tries = attempts(square.side, transparent(draw(bitmap, square, Math.min(square.side, LARGEST_PICTURE_SIDE))));
    const bytes = await firstThatFits(tries, (attempt) => encode(bitmap, square, attempt));
    if (!bytes) throw new Said("That picture stays too large even at its smallest; choose a simpler one.");
    return base64(bytes);
  } finally {
    bitmap.close();
  }
}

function draw(bitmap: ImageBitmap, square: Square, side: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext("2d")!;
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, square.x, square.y, square.side, square.side, 0, 0, side, side);
  return canvas;
}

/** Whether any pixel is not wholly opaque, which JPEG would turn black. */
function transparent(canvas: HTMLCanvasElement): boolean {
  const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
  for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha] < 255) return true;
  return false;
}

async function encode(bitmap: ImageBitmap, square: Square, attempt: Attempt): Promise<Uint8Array> {
  const canvas = draw(bitmap, square, attempt.side);
  const type = attempt.quality === undefined ? "image/png" : "image/jpeg";
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, type, attempt.quality));
  if (!blob) throw new Said("This browser could not encode the picture.");
  return new Uint8Array(await blob.arrayBuffer());
}
