// Writes a brotli (quality 11) and a gzip (level 9) twin of each page, script,
// style sheet and wasm file in a directory (`x.wasm.br`, `x.wasm.gz`), for
// servers that send a file's precompressed form when the browser accepts it
// (eg-emulator; nginx's brotli_static and gzip_static). Usage: node
// scripts/precompress.mjs DIR
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2];
for (const name of readdirSync(dir).filter((file) => /\.(html|js|css|wasm)$/.test(file))) {
  const bytes = readFileSync(join(dir, name));
  writeFileSync(join(dir, `${name}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
}
