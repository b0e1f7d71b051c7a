// Bytes a browser downloads for each validator: its code bundled and
// minified by esbuild (plus, for ours, the wasm file), raw, gzip, brotli.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

/** `entries`: name -> { entry, extraFiles } ; returns name -> sizes. */
export async function measureSizes(entries) {
  const sizes = {};
  for (const [name, { entry, extraFiles = [] }] of Object.entries(entries)) {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'error',
    });
    let total = compressed(Buffer.from(result.outputFiles[0].contents));
    for (const file of extraFiles) total = add(total, compressed(readFileSync(file)));
    sizes[name] = total;
  }
  return sizes;
}
