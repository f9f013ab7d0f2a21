// Writes a gzip and a brotli copy beside each text file of the built client, once at build time,
// so that the server sends the smallest one a browser accepts without compressing per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = "target/classes/web";
const compressible = /\.(html|js|css|svg|json|webmanifest)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (compressible.test(name)) yield path;
  }
}

for (const path of files(root)) {
  const body = readFileSync(path);
  const copies = {
    gz: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  };
  // A copy no smaller than the file is not worth a header; the server sends the file then.
  for (const [suffix, copy] of Object.entries(copies)) if (copy.length < body.length) writeFileSync(`${path}.${suffix}`, copy);
}
