// The size budgets, checked by scripts/test.sh after both builds:
// - the npm validator's browser download: the default browser entry bundled
//   and minified by esbuild (as an app's build would), plus its wasm;
// - the console's transfer: every file of dist/ (page, loader, bindings,
//   wasm, CSS), each brotli-compressed as a static host serves it.
// Sizes are brotli at quality 11. A budget grows only when an issue says by
// how much; say every change in the closing note.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compressed, measureSizes } from '../bench/sizes.mjs';

const root = resolve(import.meta.dirname, '..');

const BUDGETS = {
  // Issue 22: at most 19,000 bytes (18,651 on 2026-11-29).
  validator: 19_000,
  // The console as it stood on 2026-12-03 (053ce96, 267,332), plus what
  // issue 26's pickers cost net (at most 8 KB allowed; 271,604 measured
  // with them); then issue 28's layout, paid for by savings elsewhere
  // and wasm-opt -Os (270,147 measured with it; 270,159 once the radio choices took their implied value as an argument);
  // then TextField compiled once, not per caller (266,133 measured on 2026-12-04, with the
  // settings asking how to sign in first and every component under 150 lines; 265,937 once
  // the list hid its search, pager and Refresh until the settings are set and TextField's
  // callbacks became Leptos Callbacks).
  console: 266_000,
};

const validator = (
  await measureSizes({
    ours: {
      entry: join(root, 'bench/size-entries/ours.mjs'),
      extraFiles: [join(root, 'npm/pkg/eg_connections_bg.wasm')],
    },
  })
).ours.brotli;

// Not budgeted, reported: the entry with the wasm inlined (esbuild, Rollup, dev servers).
const inline = (
  await measureSizes({ inline: { entry: join(root, 'bench/size-entries/inline.mjs') } })
).inline.brotli;

const dist = join(root, 'dist');
const files = readdirSync(dist).filter((file) => /\.(html|js|wasm|css)$/.test(file));
const console_ = files.reduce((sum, file) => sum + compressed(readFileSync(join(dist, file))).brotli, 0);

let failed = false;
for (const [what, size, budget] of [
  ['validator download (npm browser entry + wasm)', validator, BUDGETS.validator],
  [`console transfer (dist/: ${files.length} files)`, console_, BUDGETS.console],
]) {
  const verdict = size <= budget ? 'ok' : 'OVER BUDGET';
  console.log(`    ${what}: ${size.toLocaleString('en')} bytes brotli, budget ${budget.toLocaleString('en')}: ${verdict}`);
  failed ||= size > budget;
}
console.log(`    validator download, inlined entry (esbuild, Rollup, dev servers; not budgeted): ${inline.toLocaleString('en')} bytes brotli`);
if (failed) {
  console.error('A size budget is exceeded: shrink the build, or raise the budget in scripts/check-budgets.mjs with the issue that allows it.');
  process.exit(1);
}
