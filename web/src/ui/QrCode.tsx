import { encodeQR } from "qr";

/** The quiet zone the QR standard asks for around the code, in modules, so that a camera finds its edges. */
const QUIET = 4;

/**
 * A QR code's dark modules as one SVG path, a unit square per module, with the size of the whole
 * code (quiet zone included). Medium error correction: a photo of a screen with a glare still reads.
 */
export function qrPath(text: string): { size: number; path: string } {
  const modules = encodeQR(text, "raw", { ecc: "medium", border: QUIET });
  let path = "";
  modules.forEach((row, y) => row.forEach((dark, x) => {
    if (dark) path += `M${x} ${y}h1v1h-1z`;
  }));
  return { size: modules.length, path };
}

/** A QR code drawn in the page from its text, dark on light whatever the theme, as cameras expect. */
export function QrCode({ text, label, pixels = 164 }: { text: string; label: string; pixels?: number }) {
  const { size, path } = qrPath(text);
  return (
    <svg class="qr" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width={pixels} height={pixels} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
