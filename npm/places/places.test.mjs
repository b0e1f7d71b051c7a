// The npm package in every place it must work unconfigured, installed from
// the packed tarball: Node (ESM, CommonJS), Deno, Bun, Cloudflare Workers
// (workerd), browser pages bundled by Vite, webpack, Rollup and esbuild
// with their defaults, Vite's development server, React Hook Form and
// TanStack Form; then publint, attw, `npm publish --dry-run`, and the
// export list of every entry and type declaration against the one list
// the code generator writes. Run by scripts/test-npm.sh:
//   EG_TARBALL=… EG_PKG_DIR=npm/pkg EG_NAMES=names.json node --test places.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';
import { EXPECTED_ISSUES } from './cases.mjs';

const run = promisify(execFile);
const here = import.meta.dirname;
const root = resolve(here, '..', '..');
const bin = (name) => join(here, 'node_modules', '.bin', name);
const NAMES = JSON.parse(readFileSync(process.env.EG_NAMES, 'utf8')).sort();
const PKG_DIR = resolve(process.env.EG_PKG_DIR ?? join(root, 'npm', 'pkg'));
const work = mkdtempSync(join(tmpdir(), 'eg-places-'));
const { chromium } = createRequire(join(root, 'tools', 'package.json'))('playwright-core');
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
];

/** One row per place for the summary: where, the entry it got, its bytes, the result. */
const summary = [];
let browser;

before(async () => {
  // The tarball, as a user installs it (replacing any earlier build).
  await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', resolve(process.env.EG_TARBALL)], { cwd: here });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
  const widths = [0, 1, 2, 3].map((column) => Math.max(...summary.map((row) => String(row[column]).length), 6));
  console.log('\n    place | entry | download (brotli) | result');
  for (const row of summary) console.log(`    ${row.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')}`);
});

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Brotli bytes of the JavaScript and wasm a built page ships. */
function downloadBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    const path = join(dir, entry);
    if (statSync(path).isFile() && /\.(m?js|wasm)$/.test(entry)) total += brotli(readFileSync(path));
  }
  return total;
}

/** The checks every place's report must pass; `atOnce` says what a call right after import gives. */
function assertReport(report, atOnce, where) {
  assert.equal(report.error, undefined, `${where}: ${report.error}`);
  if (atOnce === 'valid') assert.equal(report.atOnce, 'valid', `${where}: validating at once`);
  else assert.match(report.atOnce, /^error: eg-connections: the wasm is not loaded yet/, `${where}: a clear error before loading`);
  assert.deepEqual(report.schema, { vendor: 'eg-connections', valid: true, issues: EXPECTED_ISSUES }, `${where}: Standard Schema`);
  assert.equal(report.valid, true, `${where}: a valid request`);
  assert.deepEqual(report.invalid, EXPECTED_ISSUES, `${where}: an invalid request`);
  assert.equal(report.chinese, true, `${where}: zh-CN messages`);
  assert.deepEqual(report.field, ['invalid_format'], `${where}: a per-field validator`);
  assert.deepEqual(report.exports, NAMES, `${where}: the exports`);
}

async function runtimeReport(command, args) {
  const { stdout } = await run(command, args, { cwd: here, env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' } });
  return JSON.parse(stdout.trim().split('\n').pop());
}

test('Node (ESM)', async () => {
  assertReport(await runtimeReport(process.execPath, ['runtime.mjs']), 'valid', 'Node ESM');
  summary.push(['Node 20 (import)', 'node.mjs (reads the wasm file)', '-', 'pass']);
});

test('Node (CommonJS)', async () => {
  assertReport(await runtimeReport(process.execPath, ['require.cjs']), 'valid', 'Node CJS');
  summary.push(['Node 20 (require)', 'node.cjs (reads the wasm file)', '-', 'pass']);
});

test('Deno', async () => {
  assertReport(await runtimeReport(bin('deno'), ['run', '--allow-read', '--allow-env', 'runtime.mjs']), 'valid', 'Deno');
  summary.push(['Deno 2', 'node.mjs (reads the wasm file)', '-', 'pass']);
});

test('Bun', async () => {
  assertReport(await runtimeReport(bin('bun'), ['runtime.mjs']), 'valid', 'Bun');
  summary.push(['Bun', 'node.mjs (reads the wasm file)', '-', 'pass']);
});

test('Cloudflare Workers (workerd, bundled as wrangler bundles)', async () => {
  const { build } = await import('esbuild');
  const { Miniflare } = await import('miniflare');
  const out = join(work, 'worker');
  // Wrangler's esbuild settings: its conditions, and `.wasm` imports left
  // as modules that the runtime compiles (its default CompiledWasm rule).
  await build({
    entryPoints: [join(here, 'worker.mjs')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    outfile: join(out, 'worker.js'),
    logLevel: 'error',
    plugins: [{
      name: 'compiled-wasm',
      setup(esbuild) {
        esbuild.onResolve({ filter: /\.wasm$/ }, (args) => {
          cpSync(resolve(args.resolveDir, args.path), join(out, 'eg_connections_bg.wasm'));
          return { path: './eg_connections_bg.wasm', external: true };
        });
      },
    }],
  });
  const worker = new Miniflare({
    modules: true,
    scriptPath: join(out, 'worker.js'),
    modulesRoot: out,
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: '2025-07-01',
    // No request.cf object from Cloudflare: this machine reaches no such host.
    cf: false,
  });
  try {
    const response = await worker.dispatchFetch('http://localhost/');
    assertReport(await response.json(), 'valid', 'workerd');
  } finally {
    await worker.dispose();
  }
  summary.push(['Cloudflare Workers (workerd)', 'workerd.js (wasm as a module)', `${downloadBytes(out)} (worker bundle)`, 'pass']);
});

/** Serves `dir` on loopback with the right types; resolves to its URL and a stop function. */
async function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = join(dir, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => server.close() };
}

/** A new page that records its uncaught errors and the wasm files it fetches. */
async function watchedPage() {
  const page = await browser.newPage();
  const problems = [];
  const wasmFetched = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasmFetched.push(request.url());
  });
  return { page, problems, wasmFetched };
}

/** Opens `url`, waits for `window.report`; returns it and the wasm files the page fetched. */
async function pageReport(url) {
  const { page, problems, wasmFetched } = await watchedPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.report !== undefined, null, { timeout: 30_000 });
    const report = await page.evaluate(() => window.report);
    assert.deepEqual(problems, [], 'no uncaught error');
    return { report, wasmFetched };
  } finally {
    await page.close();
  }
}

function pageHtml(dir, script, type = 'module') {
  writeFileSync(join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>place</title><div id="root"></div><script ${type === 'module' ? 'type="module" ' : ''}src="./${script}"></script>`);
}

/** A Vite project folder whose index.html loads `entry` (a file in pages/). */
function viteProject(name, entry) {
  const dir = join(here, 'pages', `.vite-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The page's script inside the root, as Vite's development server wants it.
  writeFileSync(join(dir, 'main.mjs'), `import '../${entry}';\n`);
  writeFileSync(join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>${name}</title><div id="root"></div><script type="module" src="./main.mjs"></script>`);
  return dir;
}

const BUNDLERS = {
  async vite(out) {
    const { build } = await import('vite');
    await build({ root: viteProject('page', 'page.mjs'), logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
  },
  async webpack(out) {
    const webpack = (await import('webpack')).default;
    const stats = await promisify(webpack)({ mode: 'production', entry: join(here, 'pages', 'page.mjs'), output: { path: out } });
    assert.equal(stats.hasErrors(), false, stats.toString('errors-only'));
    pageHtml(out, 'main.js', 'classic');
  },
  async rollup(out) {
    const { rollup } = await import('rollup');
    const { nodeResolve } = await import('@rollup/plugin-node-resolve');
    const bundle = await rollup({ input: join(here, 'pages', 'page.mjs'), plugins: [nodeResolve()], logLevel: 'silent' });
    await bundle.write({ file: join(out, 'bundle.js'), format: 'es' });
    pageHtml(out, 'bundle.js');
  },
  async esbuild(out) {
    const { build } = await import('esbuild');
    await build({ entryPoints: [join(here, 'pages', 'page.mjs')], bundle: true, outfile: join(out, 'bundle.js'), logLevel: 'error' });
    pageHtml(out, 'bundle.js', 'classic');
  },
};

for (const [bundler, bundle] of Object.entries(BUNDLERS)) {
  test(`a page bundled by ${bundler}, with its defaults`, async () => {
    const out = join(work, bundler);
    await bundle(out);
    const site = await serve(out);
    try {
      const { report, wasmFetched } = await pageReport(site.url);
      assertReport(report, 'loading', bundler);
      const entry = wasmFetched.length ? 'index.js (fetches the .wasm file)' : 'inline.js (wasm inlined)';
      summary.push([`${bundler} (browser)`, entry, downloadBytes(out), 'pass']);
    } finally {
      site.stop();
    }
  });
}

test("Vite's development server", async () => {
  const { createServer: createViteServer } = await import('vite');
  const dir = viteProject('dev', 'page.mjs');
  // As `npx vite` starts it: the builds set NODE_ENV=production in this
  // process (restored below), and a cached pre-bundle would hide the
  // resolution.
  const nodeEnv = process.env.NODE_ENV;
  delete process.env.NODE_ENV;
  const server = await createViteServer({
    root: dir,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0 },
    optimizeDeps: { force: true },
  });
  await server.listen();
  try {
    const { report, wasmFetched } = await pageReport(server.resolvedUrls.local[0]);
    assertReport(report, 'loading', 'vite dev');
    summary.push(['Vite dev server', wasmFetched.length ? 'index.js' : 'inline.js (wasm inlined)', '-', 'pass']);
  } finally {
    await server.close();
    process.env.NODE_ENV = nodeEnv;
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
  }
});

/** Builds `entry` with Vite, then fills and submits its form in Chromium. */
async function formPlace(name, entry) {
  const { build } = await import('vite');
  const out = join(work, name);
  await build({ root: viteProject(name, entry), logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
  const site = await serve(out);
  const { page, problems, wasmFetched } = await watchedPage();
  try {
    await page.goto(site.url);
    // Invalid: a name starting with '-', and no VPC ID. Submitted at once,
    // before anything called init().
    await page.fill('#name', '-orders');
    await page.fill('#subnet_id', 'subnet-1');
    await page.click('#submit');
    await page.waitForFunction(() => document.querySelector('#name-error').textContent !== '');
    assert.match(await page.textContent('#name-error'), /Name must start with a letter or digit/);
    assert.match(await page.textContent('#vpc_id-error'), /VPC ID is required/);
    assert.equal(await page.textContent('#sent'), '');
    // Fixed: it submits the normalized request.
    await page.fill('#name', 'orders');
    await page.fill('#vpc_id', 'vpc-1');
    await page.click('#submit');
    await page.waitForFunction(() => document.querySelector('#sent').textContent !== '');
    const sent = JSON.parse(await page.textContent('#sent'));
    assert.equal(sent.name, 'orders');
    assert.equal(sent.vpc_id, 'vpc-1');
    assert.deepEqual(problems, []);
    summary.push([name, wasmFetched.length ? 'index.js (Vite build)' : 'inline.js (Vite build)', downloadBytes(out), 'pass']);
    return sent;
  } finally {
    await page.close();
    site.stop();
  }
}

test('React Hook Form, standardSchemaResolver(createConnectionSchema), no init()', async () => {
  const sent = await formPlace('React Hook Form', 'rhf.mjs');
  // The resolver hands over the schema's output: the normalized request.
  assert.equal(sent.type, 'WEBHOOK');
});

test('TanStack Form, validators: { onSubmitAsync: createConnectionSchema }', async () => {
  await formPlace('TanStack Form', 'tanstack.mjs');
});

test('the type declarations export exactly the runtime names, for import and require', async () => {
  const ts = createRequire(join(root, 'tools', 'package.json'))('typescript');
  for (const [file, mode] of [['index.d.ts', 'esm'], ['index.d.cts', 'cjs']]) {
    const path = join(here, 'node_modules', 'eg-connections', file);
    const program = ts.createProgram([path], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
    const checker = program.getTypeChecker();
    const symbol = checker.getSymbolAtLocation(program.getSourceFile(path));
    const values = checker
      .getExportsOfModule(symbol)
      .filter((exported) => (ts.skipAlias(exported, checker).flags & ts.SymbolFlags.Value) !== 0)
      .map((exported) => exported.name)
      .sort();
    assert.deepEqual(values, NAMES, `${file} (${mode}) declares the runtime's values`);
  }
});

test('publint: no problem', async () => {
  const { stdout } = await run(bin('publint'), ['--strict', PKG_DIR], { cwd: here });
  assert.match(stdout, /All good/, stdout);
});

test('attw: every entry resolves to types, for ESM and CommonJS', async () => {
  // The `.wasm` subpath is a data file for those who host it themselves, not a module with types.
  // The tarball itself (`--pack DIR` would pack anew and delete a tarball of the same name).
  const { stdout } = await run(bin('attw'), [resolve(process.env.EG_TARBALL), '--format', 'table-flipped', '--exclude-entrypoints', 'eg_connections_bg.wasm'], {
    cwd: here,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  assert.match(stdout, /No problems found/, stdout);
  console.log(stdout.split('\n').map((line) => `    ${line}`).join('\n'));
});

test('npm publish --dry-run is clean', async () => {
  // A placeholder token: a dry run sends nothing, but warns when no login is configured.
  const { stderr } = await run('npm', ['publish', '--dry-run', '--//registry.npmjs.org/:_authToken=dry-run'], {
    cwd: PKG_DIR,
    env: { ...process.env, npm_config_loglevel: 'warn' },
  });
  assert.doesNotMatch(stderr, /npm warn|npm error/i, stderr);
});

test('the tarball ships what the exports name, and nothing else', async () => {
  const manifest = JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8'));
  const installed = join(here, 'node_modules', 'eg-connections');
  const shipped = readdirSync(installed).sort();
  assert.deepEqual(shipped, [...manifest.files, 'package.json'].sort());
  assert.ok(relative(installed, join(installed, 'LICENSE')) === 'LICENSE' && shipped.includes('LICENSE'));
});
