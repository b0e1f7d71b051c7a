// Shared e2e plumbing: the release emulator serving the release dist/, one
// headless Chromium (Debian's; nothing downloads a browser), fresh pages
// that fail the test on any uncaught exception, wasm panic or CSP violation,
// screenshots, and axe-core.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import assert from 'node:assert/strict';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'tools', 'package.json'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(root, 'e2e', 'artifacts', 'screenshots');
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
];

/** Runs the release eg-emulator with `args`; resolves once its banner has `until`. */
async function spawnEmulator(args, until) {
  const child = spawn(join(root, 'target', 'release', 'eg-emulator'), args, { stdio: ['ignore', 'pipe', 'inherit'] });
  process.on('exit', () => child.kill());
  let banner = '';
  child.stdout.setEncoding('utf8');
  while (!until.test(banner)) {
    const [chunk] = await Promise.race([
      once(child.stdout, 'data'),
      once(child, 'exit').then(() => { throw new Error('eg-emulator exited early'); }),
    ]);
    banner += chunk;
  }
  return { child, banner, url: banner.match(/listening on (http:\/\/\S+)/)[1] };
}

/**
 * Starts eg-emulator (release) serving `dist` (the console by default; `null`
 * for none) on a free port with a fresh data dir; it is killed when this
 * process exits.
 */
export async function startEmulator({ dist = join(root, 'dist'), args = [] } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'eg-e2e-'));
  const { child, banner, url } = await spawnEmulator([
    '--listen', '127.0.0.1:0', '--data', data, ...(dist ? ['--dist', dist] : []), '--quiet',
    '--enable-faults', '--create-delay', '1500ms', '--fail-when-name-contains', 'fail-me', ...args,
  ], /secret key:\s+\S+/);
  const field = (label) => banner.match(new RegExp(`${label}:\\s+(\\S+)`))[1];
  const user = banner.match(/user:\s+(\S+)\s+password:\s+(\S+)\s+domain:\s+(\S+)/);
  return {
    url,
    user: user[1], password: user[2], domain: user[3],
    project: field('project'), token: field('token'),
    accessKey: field('access key'), secretKey: field('secret key'),
    stop: () => { child.kill(); },
    /** Queues a fault for the next create (POST) call. */
    async fault(fault) {
      const response = await fetch(`${this.url}/emulator/faults`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'POST', ...fault }),
      });
      if (response.status !== 204) throw new Error(`fault refused: ${response.status}`);
    },
    /** How many API and IAM requests reached this emulator so far. */
    async apiRequests() {
      const response = await fetch(`${this.url}/emulator/requests`);
      assert.equal(response.status, 200);
      return (await response.json()).api;
    },
    /** The connections the emulator holds with this exact name. */
    async countNamed(name) {
      const response = await fetch(`${this.url}/v1/${this.project}/connections?name=${encodeURIComponent(name)}`, {
        headers: { 'X-Auth-Token': this.token },
      });
      return (await response.json()).total;
    },
    /** GET /v1/{project}/connections?{query} as another client would. */
    async list(query) {
      const response = await fetch(`${this.url}/v1/${this.project}/connections?${query}`, {
        headers: { 'X-Auth-Token': this.token },
      });
      assert.equal(response.status, 200);
      return response.json();
    },
    /** POST any create body as another client would. */
    async createBody(body) {
      const response = await fetch(`${this.url}/v1/${this.project}/connections`, {
        method: 'POST',
        headers: { 'X-Auth-Token': this.token, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(response.status, 200, await response.clone().text());
      return response.json();
    },
    /** POST a WEBHOOK connection as another client would. */
    async create(name) {
      const response = await fetch(`${this.url}/v1/${this.project}/connections`, {
        method: 'POST',
        headers: { 'X-Auth-Token': this.token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, vpc_id: 'vpc-0d9e1f8a', subnet_id: 'subnet-5a4f3e2d' }),
      });
      assert.equal(response.status, 200);
      return response.json();
    },
  };
}

/**
 * Starts eg-emulator in forwarding mode in front of `upstream` (its /v1/ and
 * IAM paths both), serving the console.
 */
export async function startForwarder(upstream, { dist = join(root, 'dist') } = {}) {
  const { child, url } = await spawnEmulator([
    '--listen', '127.0.0.1:0', '--dist', dist, '--quiet', '--upstream-eg', upstream, '--upstream-iam', upstream,
  ], /IAM:\s+\S+/);
  return { url, stop: () => { child.kill(); } };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A fresh page (own context: empty storage) that records every uncaught
 * exception, console error (wasm panics log there) and CSP violation.
 */
export async function freshPage(browser, { width = 1280, context } = {}) {
  const ctx = context ?? (await browser.newContext({ viewport: { width, height: 900 } }));
  const page = await ctx.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !/^Failed to load resource/.test(text)) page.problems.push(`console: ${text}`);
    if (/Content Security Policy|panicked/.test(text)) page.problems.push(`console: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return page;
}

/** Loads the console and waits until it is interactive. */
/** Opens the console at `hash` (the create form by default) and waits for that view. */
export async function open(page, url, hash = '#/create') {
  await page.goto(`${url}/${hash}`);
  await page.waitForFunction(() => performance.getEntriesByName('eg-console-interactive').length > 0);
  await page.waitForSelector(viewSelector(hash));
}

/** The element each route renders. */
export function viewSelector(hash) {
  if (hash === '#/create') return '#create-form';
  if (hash.startsWith('#/connections/')) return '#connection-details';
  return '#connection-list';
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const width = page.viewportSize().width;
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
}

/** axe-core violations of impact serious or critical. */
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Signs in with the emulator's development user (IAM password sign-in). */
export async function signIn(page, emu) {
  await page.check('#auth-sign-in');
  await page.fill('#sign-in-user', emu.user);
  await page.fill('#sign-in-password', emu.password);
  await page.fill('#sign-in-domain', emu.domain);
  await page.fill('#sign-in-project', emu.project);
  await page.click('#sign-in-button');
}

/** Chooses a token in the settings, and puts it and the project ID there. */
export async function useToken(page, emu) {
  await page.check('#auth-token');
  await page.fill('#settings-project-id', emu.project);
  await page.fill('#settings-token', emu.token);
}

export async function fillWebhook(page, name) {
  await page.fill('#field-name', name);
  await page.fill('#field-vpc_id', 'vpc-0d9e1f8a');
  await page.fill('#field-subnet_id', 'subnet-5a4f3e2d');
}
