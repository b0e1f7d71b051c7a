// Moves Trunk's inline <script type="module"> loader out of index.html into
// boot-<hash>.js next to it, and drops the build-time nonces (a nonce baked
// into a static file is no protection). Usage: node externalize-loader.mjs dist/index.html
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const htmlPath = process.argv[2];
let html = readFileSync(htmlPath, 'utf8');
const inline = /<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) {
  console.error(`no inline module script in ${htmlPath}`);
  process.exit(1);
}
// The loader imports the bindings with a path relative to the page; a module
// file next to the page resolves it the same way.
const code = match[1].trim() + '\n';
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dirname(htmlPath), name), code);
html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
html = html.replace(/ nonce="[^"]*"/g, '');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('an inline script is left in index.html');
  process.exit(1);
}
writeFileSync(htmlPath, html);
console.log(`    loader moved to ${name}`);
