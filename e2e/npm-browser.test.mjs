// The npm package's browser entry (index.js + init()) in Chromium, loaded as
// a bundler-free page would load it, from the files `npm pack` ships.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshPage, launchBrowser, startEmulator } from './harness.mjs';

const pkg = resolve(import.meta.dirname, '..', 'npm', 'pkg');
let emu;
let browser;

before(async () => {
  const site = mkdtempSync(join(tmpdir(), 'eg-npm-site-'));
  for (const file of readdirSync(pkg).filter((name) => !name.endsWith('.tgz'))) cpSync(join(pkg, file), join(site, file));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>npm</title><script type="module" src="./check.js"></script>');
  writeFileSync(join(site, 'check.js'), `
    import { init, validateCreateConnection, validateName, createConnectionSchema, NAME_MAX_LENGTH } from './index.js';
    let guard = '';
    try { validateCreateConnection({}); } catch (error) { guard = error.message; }
    await init();
    await init(); // twice is fine
    const ok = validateCreateConnection({ name: 'a', vpc_id: 'v', subnet_id: 's', type: 'kafka',
      kafka_detail: { instance_id: 'i', addr: '[::1]:9092' } });
    const bad = validateCreateConnection(new Proxy({}, { ownKeys() { throw new Error('trap'); } }), { locale: 'zh-CN' });
    window.result = {
      guard, ok, bad, name: validateName('default'), max: NAME_MAX_LENGTH,
      standard: createConnectionSchema['~standard'].validate({ name: '' }),
    };
  `);
  emu = await startEmulator({ dist: site });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  emu?.stop();
});

test('the browser entry: init(), validation, Standard Schema, hostile values', async () => {
  const page = await freshPage(browser);
  await page.goto(emu.url);
  await page.waitForFunction(() => window.result !== undefined);
  const result = await page.evaluate(() => window.result);
  assert.match(result.guard, /init\(\)/, 'a clear error before init');
  assert.equal(result.ok.success, true);
  assert.equal(result.ok.value.kafka_detail.acks, '1');
  assert.equal(result.bad.success, false);
  assert.equal(result.bad.issues[0].code, 'invalid_type');
  assert.match(result.bad.issues[0].message, /请求/);
  assert.equal(result.name[0].code, 'invalid_value');
  assert.equal(result.max, 128);
  assert.equal(result.standard.issues.length, 3);
  assert.deepEqual(page.problems, []);
});
