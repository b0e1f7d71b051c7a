// Prints raw, gzip (level 9) and brotli (quality 11) sizes of files, and their total.
// Usage: node scripts/sizes.mjs FILE...
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const rows = process.argv.slice(2).map((file) => {
  const bytes = readFileSync(file);
  return {
    file: basename(file),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
rows.push(rows.reduce((sum, row) => ({
  file: 'total',
  raw: sum.raw + row.raw,
  gzip: sum.gzip + row.gzip,
  brotli: sum.brotli + row.brotli,
}), { raw: 0, gzip: 0, brotli: 0 }));
console.log('| file | raw | gzip | brotli |\n|---|---:|---:|---:|');
for (const row of rows) console.log(`| ${row.file} | ${row.raw} | ${row.gzip} | ${row.brotli} |`);
