// A newcomer's first minute on the emulator: the page paints before the
// wasm has arrived, and one click signs in as the development user, which
// only the console on the emulator's own origin can do.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshPage, launchBrowser, screenshot, seriousViolations, startEmulator, startForwarder } from './harness.mjs';

let emu;
let other;
let browser;

before(async () => {
  emu = await startEmulator();
  // Another origin (another port), serving the same console.
  other = await startEmulator();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  emu?.stop();
  other?.stop();
});

test('the page paints its frame before the wasm arrives', async () => {
  const page = await freshPage(browser);
  // Hold the wasm back: what shows meanwhile is the page's own HTML.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${emu.url}/`);
  await page.waitForSelector('#boot');
  assert.equal(await page.textContent('#boot h1'), 'EventGrid connections');
  assert.match(await page.textContent('#boot [role=status]'), /Loading the console/);
  const painted = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length);
  assert.equal(painted, 1, 'something was painted with no wasm');
  const frameTop = await page.evaluate(() => document.querySelector('#boot main').getBoundingClientRect().top);
  release();
  await page.waitForFunction(() => performance.getEntriesByName('eg-console-interactive').length > 0);
  assert.equal(await page.$('#boot'), null, 'the console took the frame\'s place');
  const appTop = await page.evaluate(() => document.querySelector('body > main').getBoundingClientRect().top);
  assert.ok(Math.abs(appTop - frameTop) <= 24, `no jump: the content starts at ${frameTop} px, then ${appTop} px`);
  assert.deepEqual(page.problems, []);
});

test('one click signs in as the local development user', async () => {
  for (const width of [1280, 390]) {
    const page = await freshPage(browser, { width });
    await page.goto(`${emu.url}/`);
    await page.waitForSelector('#dev-session');
    await page.waitForSelector('#connection-list');
    await screenshot(page, 'first-screen');
    assert.deepEqual(await seriousViolations(page), []);
    await page.click('#dev-session');
    // The console starts again signed in: its settings folded into their
    // bar, the list loaded, nothing copied from the terminal.
    await page.waitForSelector('#settings-bar');
    await page.waitForSelector('#connection-list');
    assert.match(await page.textContent('#bar-account'), /@/);
    assert.equal((await page.textContent('#bar-project')).trim(), emu.project);
    await page.waitForFunction(() => !document.querySelector('#list-settings-missing'));
    assert.equal(await page.isHidden('#dev-session-offer'), true, 'the offer goes once signed in');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a page of another origin gets no development session', async () => {
  const page = await freshPage(browser);
  await page.goto(`${other.url}/`);
  await page.waitForSelector('#connection-list');
  const answers = [];
  page.on('response', (response) => {
    if (response.url().startsWith(`${emu.url}/emulator/dev-session`)) answers.push(response.status());
  });
  // The other origin's page asks the first emulator, as a hostile page would.
  const read = await page.evaluate(async (target) => {
    try {
      const answer = await fetch(`${target}/emulator/dev-session`, { method: 'POST' });
      return `read ${answer.status}: ${await answer.text()}`;
    } catch (error) {
      return `blocked: ${error.message}`;
    }
  }, emu.url);
  assert.doesNotMatch(read, /MIIemulator/, read);
  await page.waitForTimeout(200);
  assert.deepEqual(answers.filter((status) => status === 200), [], `the emulator refused it (answers: ${answers})`);
  // A program without a page's Origin gets nothing either.
  const bare = await fetch(`${emu.url}/emulator/dev-session`, { method: 'POST' });
  assert.equal(bare.status, 403);
  assert.doesNotMatch(await bare.text(), /MIIemulator/);
  await page.context().close();
});

test('the forwarder and static hosts offer no development user', async () => {
  const forwarder = await startForwarder(emu.url);
  try {
    const page = await freshPage(browser);
    await page.goto(`${forwarder.url}/`);
    await page.waitForSelector('#connection-list');
    await page.waitForTimeout(300);
    assert.equal(await page.$('#dev-session'), null);
    const html = await (await fetch(`${forwarder.url}/`)).text();
    assert.doesNotMatch(html, /dev-session/);
    await page.context().close();
  } finally {
    forwarder.stop();
  }
});
