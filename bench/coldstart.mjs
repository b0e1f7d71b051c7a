// Cold start of a built single-page app: served from loopback (brotli when
// the browser accepts it, as a real static host would), loaded in a fresh
// headless Chromium context each time with the CPU throttled 4x through the
// DevTools protocol. Reports the median time to the app's
// "eg-console-interactive" mark, to the first contentful paint, and the
// bytes transferred.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { median } from './throughput.mjs';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
};

/** Serves `root` on 127.0.0.1 (a free port); `index.html` for `/`. */
export async function serve(root) {
  const cache = new Map();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return response.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
    } catch {
      return response.writeHead(404).end();
    }
    const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
    let body = readFileSync(file);
    if (/\bbr\b/.test(request.headers['accept-encoding'] ?? '')) {
      if (!cache.has(file)) cache.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      body = cache.get(file);
      headers['Content-Encoding'] = 'br';
    }
    response.writeHead(200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** One cold load of `url`: ms to the mark, bytes transferred. */
async function load(browser, url, cpuSlowdown) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => { bytes += event.encodedDataLength; });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('eg-console-interactive').length > 0, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => performance.getEntriesByName('eg-console-interactive')[0].startTime);
  // First contentful paint: the page's own frame can paint before the app is ready.
  const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  // Let the last responses report their sizes.
  await page.waitForLoadState('networkidle');
  await context.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return { ms, paint, bytes };
}

/** `apps`: name -> { root, path }. Loads them in turns, `loads` times each. */
export async function measureColdStart(apps, { loads = 10, cpuSlowdown = 4 } = {}) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const servers = {};
  const samples = {};
  try {
    for (const [name, { root }] of Object.entries(apps)) {
      servers[name] = await serve(root);
      samples[name] = [];
      // One warm-up load each (the browser's own start-up is not the app's).
      await load(browser, `${servers[name].url}${apps[name].path}`, cpuSlowdown);
    }
    for (let i = 0; i < loads; i += 1) {
      for (const [name, { path }] of Object.entries(apps)) {
        samples[name].push(await load(browser, `${servers[name].url}${path}`, cpuSlowdown));
      }
    }
    return {
      chromium: browser.version(),
      results: Object.fromEntries(Object.entries(samples).map(([name, runs]) => [name, {
        ms: median(runs.map((run) => run.ms)),
        paint: median(runs.map((run) => run.paint)),
        bytes: median(runs.map((run) => run.bytes)),
      }])),
    };
  } finally {
    await browser.close();
    for (const server of Object.values(servers)) server.close();
  }
}
