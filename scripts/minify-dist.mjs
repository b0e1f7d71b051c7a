// Minifies the console's JavaScript and CSS in a built dist/ (Trunk 0.21
// leaves wasm-bindgen's script and the style sheet as written) with
// esbuild, and updates the Subresource Integrity hash of every file it
// changed in index.html, so the browser still accepts them.
// Usage: node scripts/minify-dist.mjs DIR
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { transformSync } = createRequire(join(root, 'tools', 'build', 'package.json'))('esbuild');
const dir = process.argv[2];
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');

for (const name of readdirSync(dir).filter((file) => /\.(js|css)$/.test(file))) {
  const path = join(dir, name);
  const source = readFileSync(path, 'utf8');
  const loader = name.endsWith('.css') ? 'css' : 'js';
  // Names, exports and imports stay: only whitespace, syntax and locals shrink.
  const { code } = transformSync(source, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, logLevel: 'warning' });
  writeFileSync(path, code);
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  const tag = new RegExp(`(href="\\./${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*(")`);
  html = html.replace(tag, `$1${integrity}$2`);
}
writeFileSync(page, html);
