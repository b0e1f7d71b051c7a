// The release console served by the emulator, driven in headless Chromium
// the way a person would. Run by scripts/test-e2e.sh.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fillWebhook, freshPage, launchBrowser, open, screenshot, seriousViolations, signIn, startEmulator, useToken,
} from './harness.mjs';

let emu;
let browser;
let page;
const axeReport = [];

before(async () => {
  emu = await startEmulator();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  emu?.stop();
  console.log(`axe-core (serious or critical violations per state):\n${axeReport.join('\n')}`);
});
afterEach(() => {
  assert.deepEqual(page?.problems ?? [], [], 'no uncaught exception, wasm panic or CSP violation');
});

/** Screenshots at 1280 px and 390 px wide; a phone never scrolls sideways. */
async function shoot(name) {
  await screenshot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, `${name}: no sideways scroll at 390 px`);
  await screenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function checkAccessibility(state) {
  const violations = await seriousViolations(page);
  axeReport.push(`  ${state}: ${violations.length}${violations.length ? ` (${violations.join('; ')})` : ''}`);
  assert.deepEqual(violations, [], `axe: ${state}`);
}

const unique = (prefix) => `${prefix}-${Date.now().toString(36)}`;

async function expectError(pattern) {
  await page.waitForSelector('#error-panel', { timeout: 40_000 }).catch(async (error) => {
    throw new Error(`${error.message}\nthe page says: ${await page.textContent('main')}`);
  });
  await page.waitForFunction(() => document.querySelector('#create-button')?.getAttribute('aria-busy') === 'false');
  const text = await page.textContent('#error-panel');
  assert.match(text, pattern);
  return text;
}

async function assertFormIntact(name) {
  assert.equal(await page.inputValue('#field-name'), name);
  assert.equal(await page.inputValue('#field-vpc_id'), 'vpc-0d9e1f8a');
  assert.equal(await page.inputValue('#field-subnet_id'), 'subnet-5a4f3e2d');
}

test('sign in with the development user; the empty list leads to Create', async () => {
  page = await freshPage(browser);
  await open(page, emu.url, '#/');
  await page.waitForSelector('#list-settings-missing');
  // Nothing to search, page or refresh yet: the list says what is missing.
  for (const id of ['list-search', 'list-refresh', 'page-next']) assert.ok(await page.isHidden(`#${id}`), `#${id} waits for settings`);
  // A wrong password first: the cause heads the alert, the form is kept.
  await signIn(page, { ...emu, password: 'not-the-password' });
  await page.waitForSelector('#sign-in-error');
  assert.match(await page.textContent('#sign-in-error'), /^Sign-in failed\s*The user name, password, account name or project is wrong/);
  assert.equal(await page.inputValue('#sign-in-user'), emu.user, 'the form is kept');
  await shoot('sign-in-failed');
  await checkAccessibility('sign-in failed');
  await signIn(page, emu);
  // Signed in: the settings fold into one bar, and focus goes to it.
  await page.waitForSelector('#settings-bar');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'settings-change');
  assert.ok(await page.isHidden('#settings-full'), 'the full panel is folded away');
  assert.equal(await page.textContent('#bar-auth'), 'IAM token');
  assert.equal(await page.textContent('#bar-account'), `${emu.user} @ ${emu.domain}`);
  assert.equal(await page.textContent('#bar-project'), emu.project);
  assert.match(await page.textContent('#bar-endpoint'), /cn-north-4 · this page's own origin/);
  // Sign-in shows its own fields only; the project it found is kept.
  assert.equal(await page.$('#settings-token'), null);
  assert.equal(await page.inputValue('#settings-project-id'), emu.project);
  assert.equal(await page.inputValue('#sign-in-password'), '', 'the IAM password is not kept');
  // The list reloads with the new token: a fresh project has nothing yet.
  await page.waitForSelector('#empty-create');
  assert.match(await page.textContent('#list-empty'), /No connections yet/);
  assert.ok(await page.isVisible('#list-search'), 'signed in: the list can be searched');
  await shoot('empty-list');
  await checkAccessibility('empty list');
  await page.click('#empty-create');
  await page.waitForSelector('#create-form');
  assert.equal(new URL(page.url()).hash, '#/create');
});

test('create a WEBHOOK connection and watch CREATING become CREATED', async () => {
  page = await freshPage(browser);
  await open(page, emu.url);
  await shoot('empty-form');
  await checkAccessibility('empty form');
  await useToken(page, emu);
  const name = unique('webhook');
  await fillWebhook(page, name);
  await page.fill('#field-description', 'orders to the billing webhook');
  await page.click('#create-button');
  await page.waitForSelector('#connection-details');
  assert.match(new URL(page.url()).hash, /^#\/connections\/[0-9a-f-]{32,}$/);
  assert.equal(await page.textContent('#details-status'), 'CREATING');
  await page.waitForFunction(() => document.querySelector('#details-status')?.textContent === 'CREATED', null, { timeout: 20_000 });
  assert.equal(await page.textContent('#details-title'), name);
  assert.match(await page.textContent('#connection-details'), /orders to the billing webhook/);
  assert.equal(await emu.countNamed(name), 1);
});

test('create a KAFKA connection with SASL_SSL; the password never shows afterwards', async () => {
  page = await freshPage(browser);
  await open(page, emu.url);
  await useToken(page, emu);
  const name = unique('kafka');
  await fillWebhook(page, name);
  await page.check('#type-kafka');
  await page.fill('#field-kafka_detail-instance_id', 'kafka-instance-1');
  await page.fill('#field-kafka_detail-addr', '192.168.0.10:9092,192.168.0.11:9092');
  // Ciphertext access, then its protocol (SASL_SSL, the default, is where it starts).
  await page.check('#field-kafka_detail-enable_sasl_ssl');
  assert.ok(await page.isChecked('#protocol-SASL_SSL'));
  await page.check('#protocol-SASL_SSL');
  await page.fill('#field-kafka_detail-user_name', 'producer');
  await page.fill('#field-kafka_detail-password', 'Kafka-Secret-81');
  await page.check('#acks-all');
  await page.fill('#field-kafka_detail-addr', '192.168.0.10:9092,broker:70000');
  await page.locator('#field-kafka_detail-addr').blur();
  await shoot('kafka-form-with-issue');
  await page.fill('#field-kafka_detail-addr', '192.168.0.10:9092,192.168.0.11:9092');
  await shoot('kafka-form');
  await checkAccessibility('Kafka form');
  await page.click('#create-button');
  await page.waitForSelector('#connection-details');
  const html = await page.content();
  assert.ok(!html.includes('Kafka-Secret-81'), 'not in the markup');
  const values = await page.$$eval('input', (inputs) => inputs.map((input) => input.value));
  assert.ok(!values.includes('Kafka-Secret-81'), 'not in any input either');
  assert.match(await page.textContent('#connection-details'), /producer/);
  // Back on the form, the password field is empty too.
  await page.click('#nav-create');
  await page.waitForSelector('#create-form');
  assert.equal(await page.inputValue('#field-kafka_detail-password'), '');
});

test('a duplicate name marks the name field', async () => {
  page = await freshPage(browser);
  await open(page, emu.url);
  await useToken(page, emu);
  const name = unique('twice');
  await fillWebhook(page, name);
  await page.click('#create-button');
  await page.waitForSelector('#connection-details');
  // The form kept its values: sending it again is a duplicate.
  await page.click('#nav-create');
  await page.waitForSelector('#create-form');
  await page.click('#create-button');
  await page.waitForFunction(() => /already exists/.test(document.querySelector('#issue-summary')?.textContent ?? ''));
  assert.match(await page.textContent('#field-name-error'), /already exists/);
  assert.equal(await page.$('#error-panel'), null, 'said at the field and in the summary, not a third time');
  assert.equal(await page.getAttribute('#field-name', 'aria-invalid'), 'true');
  assert.equal(await emu.countNamed(name), 1);
});

test('fix every field of a fully wrong form using only the messages shown', async () => {
  page = await freshPage(browser);
  await open(page, emu.url);
  await useToken(page, emu);
  await page.fill('#field-name', '.bad name!');
  await page.fill('#field-description', 'd'.repeat(256));
  await page.fill('#field-vpc_id', ' vpc');
  await page.fill('#field-subnet_id', 's'.repeat(129));
  await page.check('#type-kafka');
  await page.fill('#field-kafka_detail-addr', 'broker,,b:0');
  await page.check('#field-kafka_detail-enable_sasl_ssl');
  await page.click('#create-button');
  await page.waitForSelector('#issue-summary');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'field-name', 'focus on the first invalid field');
  await shoot('form-with-issues');
  await checkAccessibility('form with issues');

  // Each fix is chosen from the message alone.
  const fixes = [
    [/must start with a letter or digit|may contain only/, (v) => v.replace(/[^A-Za-z0-9._-]/g, '').replace(/^[^A-Za-z0-9]+/, '')],
    [/at most (\d+) characters/, (v, m) => [...v].slice(0, Number(m[1])).join('')],
    [/must not start or end with whitespace/, (v) => v.trim()],
    [/is required/, () => 'given'],
    [/entry \d+ is empty/, (v) => v.split(',').filter(Boolean).join(',')],
    [/must be host:port \(the port is missing\)/, (v) => v.split(',').map((e) => (e.includes(':') ? e : `${e}:9092`)).join(',')],
    [/the host is missing/, (v) => v.split(',').map((e) => (e.startsWith(':') ? `broker${e}` : e)).join(',')],
    [/port outside 1 to 65535/, (v) => v.replace(/:(\d+)/g, (_, port) => `:${Math.min(Math.max(Number(port), 1), 65535)}`)],
  ];
  const fields = ['name', 'description', 'vpc_id', 'subnet_id', 'kafka_detail-instance_id', 'kafka_detail-addr',
    'kafka_detail-user_name', 'kafka_detail-password'];
  for (let round = 0; round < 5; round += 1) {
    let changed = false;
    for (const field of fields) {
      const id = `#field-${field}`;
      const message = (await page.textContent(`${id}-error`)) ?? '';
      if (!message) continue;
      const fix = fixes.find(([pattern]) => pattern.test(message));
      assert.ok(fix, `no fix for "${message}"`);
      const value = await page.inputValue(id);
      await page.fill(id, fix[1](value, message.match(fix[0])));
      changed = true;
    }
    if (!changed) break;
  }
  const name = await page.inputValue('#field-name');
  await page.click('#create-button');
  await page.waitForSelector('#connection-details');
  assert.equal(await emu.countNamed(name), 1);
});

/** The header, the tab title and the meta description, as the page shows them now. */
async function whatThePageSays(page) {
  return page.evaluate(() => ({
    header: document.querySelector('header.top').textContent,
    title: document.title,
    description: document.querySelector('meta[name=description]').content,
  }));
}

test('switch to zh-CN and see Chinese messages', async () => {
  page = await freshPage(browser);
  await open(page, emu.url);
  // The header, the tab and the description name every connection type, in both languages.
  const english = await whatThePageSays(page);
  for (const [where, said] of Object.entries(english)) {
    for (const type of ['webhook', 'Kafka', 'RocketMQ']) assert.match(said, new RegExp(type, 'i'), `${where} names ${type}`);
  }
  await page.selectOption('#language', 'zh-CN');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  const chinese = await whatThePageSays(page);
  for (const [where, said] of Object.entries(chinese)) {
    assert.match(said, /事件网格/, `${where} is in Chinese`);
    for (const type of ['Webhook', 'Kafka', 'RocketMQ']) assert.ok(said.includes(type), `${where} names ${type}`);
  }
  await page.focus('#field-name');
  await page.locator('#field-name').blur();
  await page.waitForSelector('#field-name-error p');
  assert.equal(await page.textContent('#field-name-error'), '名称不能为空');
  assert.match(await page.textContent('#create-button'), /创建连接/);
  await shoot('create-with-issues-zh');
  await checkAccessibility('zh-CN form');
});

test('reload keeps settings but not the token, unless remembered in this tab', async () => {
  page = await freshPage(browser);
  await open(page, emu.url);
  await useToken(page, emu);
  assert.ok(await page.isVisible('#settings-full'), 'the panel stays open while typing');
  assert.equal(await page.$('#settings-bar'), null);
  await page.selectOption('#settings-region', 'eu-west-101');
  await page.selectOption('#language', 'zh-CN');
  await page.reload();
  await page.waitForSelector('#create-form');
  assert.equal(await page.inputValue('#settings-project-id'), emu.project);
  assert.equal(await page.inputValue('#settings-region'), 'eu-west-101');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await page.inputValue('#settings-token'), '', 'the token is not kept by default');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.ok(!stored.includes(emu.token));

  assert.equal(await page.getAttribute('#settings-token', 'type'), 'password');
  await page.fill('#settings-token', emu.token);
  await page.check('#settings-remember');
  await page.reload();
  await page.waitForSelector('#create-form');
  assert.equal(await page.inputValue('#settings-token'), emu.token, 'remembered in this tab');
  assert.ok(await page.isVisible('#settings-bar'), 'remembered credentials start folded');
  assert.ok(!(await page.evaluate(() => JSON.stringify({ ...localStorage }))).includes(emu.token), 'never in localStorage');
});

test('each fault class shows its message, keeps the form, and a retry succeeds', { timeout: 120_000 }, async () => {
  page = await freshPage(browser);
  await open(page, emu.url);
  await useToken(page, emu);
  const cases = [
    [{ kind: 'status', status: 500, body: '{"error_code":"EG.00015000","error_msg":"internal error"}' }, /failed on its side/],
    [{ kind: 'non_json' }, /not the API's JSON[\s\S]*502 Bad Gateway/],
    [{ kind: 'drop' }, /did not reach the API/],
    // The console gives up after 30 s.
    [{ kind: 'latency', ms: 32_000 }, /did not answer in time/],
  ];
  for (const [fault, pattern] of cases) {
    const name = unique(`fault-${fault.kind}`);
    await fillWebhook(page, name);
    await emu.fault(fault);
    await page.click('#create-button');
    await expectError(pattern);
    await assertFormIntact(name);
    if (fault.kind === 'non_json') {
      await shoot('error-panel');
      await checkAccessibility('error panel');
      assert.ok(!(await page.$('#error-panel h1')), 'server HTML shown as text');
      // The failure path in Chinese: the same panel, its headline translated.
      await page.selectOption('#language', 'zh-CN');
      await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.querySelector('#error-panel')?.textContent ?? ''));
      await shoot('error-panel-zh');
      await page.selectOption('#language', 'en');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    }
  }
  const name = await page.inputValue('#field-name');
  // The latency fault's request may still create the connection on the server:
  // the retry uses a fresh name, as the timeout message advises checking first.
  const retry = `${name}-retry`;
  await page.fill('#field-name', retry);
  await page.click('#create-button');
  await page.waitForFunction((n) => document.querySelector('#details-title')?.textContent === n, retry);
  assert.ok(!(await page.$('#error-panel')), 'the error is gone');
  assert.equal(await emu.countNamed(retry), 1);
});

test('keyboard only: the whole create flow with Tab, Shift+Tab, Space and Enter', async () => {
  page = await freshPage(browser);
  await open(page, emu.url);
  const active = () => page.evaluate(() => document.activeElement?.id ?? '');
  async function tabTo(id, key = 'Tab') {
    for (let i = 0; i < 60; i += 1) {
      if ((await active()) === id) return;
      await page.keyboard.press(key);
    }
    assert.fail(`could not reach #${id} with ${key}`);
  }
  // The settings ask first how calls are authorized: arrow keys choose.
  await tabTo('auth-sign-in');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.isChecked('#auth-token'), true, 'ArrowDown chose the token');
  await tabTo('settings-token');
  await page.keyboard.type(emu.token);
  await tabTo('settings-project-id');
  await page.keyboard.type(emu.project);
  const name = unique('keyboard');
  await tabTo('field-name');
  await page.keyboard.type(name);
  await tabTo('field-vpc_id');
  await page.keyboard.type('vpc-0d9e1f8a');
  await tabTo('field-subnet_id');
  await page.keyboard.type('subnet-5a4f3e2d');
  // Back to the description with Shift+Tab, then forward again.
  await tabTo('field-description', 'Shift+Tab');
  await page.keyboard.type('typed without a mouse');
  await tabTo('type-webhook');
  await page.keyboard.press('Space');
  await tabTo('create-button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#connection-details');
  await page.waitForFunction(() => document.activeElement?.id === 'connection-details');
  assert.equal(await active(), 'connection-details', 'focus moves to the new connection');
  assert.equal(await emu.countNamed(name), 1);
});

test('pick, do not type: a VPC, its subnet and a Kafka instance chosen with the keyboard fill the form', async () => {
  page = await freshPage(browser);
  await open(page, emu.url);
  await useToken(page, emu);
  const name = unique('picked');
  await page.fill('#field-name', name);
  // The project's VPCs load once the settings are in: a combobox.
  await page.waitForSelector('#field-vpc_id[role=combobox]');
  await page.focus('#field-vpc_id');
  await page.keyboard.type('orders');
  await page.waitForSelector('#field-vpc_id-list [role=option]');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getAttribute('#field-vpc_id', 'aria-expanded'), 'true');
  assert.match(await page.textContent('#field-vpc_id-list'), /vpc-orders\s*10\.0\.0\.0\/16/);
  await shoot('create-picker-vpc');
  await checkAccessibility('a picker open');
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('#field-vpc_id'), '3ec3b33f-ac1c-4630-ad1c-7dba1ed79d85');
  assert.match(await page.textContent('#field-vpc_id-status'), /vpc-orders · 10\.0\.0\.0\/16/);
  // The chosen VPC's subnets: the second is the data subnet.
  await page.waitForSelector('#field-subnet_id[role=combobox]');
  await page.focus('#field-subnet_id');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('#field-subnet_id'), 'a1c9e2d4-5b6f-4e7a-9c8d-0e1f2a3b4c5d');
  // A Kafka instance: its brokers fill the address, at the plaintext port.
  await page.focus('#type-kafka');
  await page.keyboard.press('Space');
  await page.waitForSelector('#field-kafka_detail-instance_id[role=combobox]');
  await page.focus('#field-kafka_detail-instance_id');
  await page.keyboard.type('kafka-or');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('#field-kafka_detail-addr'), '10.0.2.11:9092,10.0.2.12:9092,10.0.2.13:9092');
  await shoot('create-picked');
  await checkAccessibility('a form filled by pickers');
  await page.click('#create-button');
  await page.waitForSelector('#connection-details');
  const details = await page.textContent('#connection-details');
  for (const shown of ['3ec3b33f-ac1c-4630-ad1c-7dba1ed79d85', 'a1c9e2d4-5b6f-4e7a-9c8d-0e1f2a3b4c5d', '6a1d2e3f-4b5c-4d6e-9f70-8192a3b4c5d6']) {
    assert.ok(details.includes(shown), `${shown} in the details`);
  }
  assert.equal(await emu.countNamed(name), 1);
});

test('a dense, calm layout: one line per row, whole names, shortened IDs, local times, aligned facts, brokers broken at commas', async () => {
  page = await freshPage(browser);
  await open(page, emu.url);
  await useToken(page, emu);
  const stem = unique('dense');
  const name = `${stem}-orders-webhook`;
  const ids = {
    vpc_id: '0d9e1f8a-3b2c-4d5e-8f7a-6b5c4d3e2f1a',
    subnet_id: '5a4f3e2d-1c0b-4a9f-8e7d-6c5b4a3f2e1d',
    instance: '7c6b5a4f-3e2d-4c1b-9a8f-7e6d5c4b3a29',
  };
  const addr = '192.168.0.10:9093,192.168.0.11:9093,192.168.0.12:9093';
  await emu.createBody({
    name, vpc_id: ids.vpc_id, subnet_id: ids.subnet_id, type: 'KAFKA',
    kafka_detail: { instance_id: ids.instance, addr, enable_sasl_ssl: true, security_protocol: 'SASL_SSL', user_name: 'producer', password: 'p' },
  });
  await page.click('#nav-list');
  await page.waitForSelector('#connections-table');
  await page.fill('#list-search', stem);
  await page.click('#list-search-button');
  await page.waitForFunction(() => document.querySelectorAll('#connections-table tbody tr').length === 1);
  // At 1280 wide: every cell on one line (an inline box has one rect per line).
  const row = await page.$eval('#connections-table tbody tr', (tr) => ({
    height: tr.getBoundingClientRect().height,
    lines: [...tr.querySelectorAll('td.name a, td .ids, td.time time, td code')].map((el) => [el.textContent, el.getClientRects().length]),
    ids: [...tr.querySelectorAll('code.mid-id')].map((el) => ({ shown: el.querySelector('.short').textContent, title: el.title })),
    time: tr.querySelector('td.time time').textContent,
    utc: tr.querySelector('td.time time').title,
  }));
  for (const [text, lines] of row.lines) assert.equal(lines, 1, `"${text}" on one line`);
  assert.ok(row.height < 60, `one line per row: ${row.height}px`);
  assert.deepEqual(row.ids.map((id) => id.title).slice(1), [ids.vpc_id, ids.subnet_id], 'the full IDs on hover');
  assert.ok(row.ids.every((id) => id.shown.length < 13 && id.shown.includes('…')), JSON.stringify(row.ids));
  assert.match(row.time, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT[+-]\d\d:\d\d$/);
  assert.match(row.utc, / UTC$/);
  // Keyboard focus shows the full value in place.
  await page.focus('#connections-table code.mid-id >> nth=1');
  assert.equal(await page.textContent('#connections-table code.mid-id:focus .full'), ids.vpc_id);
  assert.ok(await page.isVisible('#connections-table code.mid-id:focus .full'));
  await shoot('list-dense');

  // The details: the type's facts aligned with the main ones, only what is
  // set, credentials with the Kafka facts, delete apart at the end.
  await page.click(`#connections-table a.row-link:text-is("${name}")`);
  await page.waitForSelector('#kafka-facts');
  const columns = await page.$$eval('#connection-details dl.facts dd', (dds) => [...new Set(dds.map((dd) => Math.round(dd.getBoundingClientRect().left)))]);
  assert.equal(columns.length, 1, `one value column: ${columns}`);
  const kafkaFacts = await page.textContent('#kafka-facts');
  assert.ok(!/SASL_SSLtrue|false/.test(kafkaFacts), kafkaFacts);
  assert.match(kafkaFacts, /Ciphertext access \(SASL\)On/);
  assert.ok(await page.$('#kafka-facts ~ .credentials #change-credentials, #kafka-facts + .credentials #change-credentials'), 'Change credentials follows the Kafka facts');
  assert.equal(await page.$eval('#connection-details .danger-zone', (zone) => zone.contains(document.querySelector('#delete-button'))), true);
  // On a phone, the broker list breaks after commas only.
  await page.setViewportSize({ width: 390, height: 844 });
  const pieces = await page.$$eval('#kafka-facts dd.addr-list', ([dd]) => [...dd.childNodes]
    .filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim())
    .map((node) => { const range = document.createRange(); range.selectNodeContents(node); return [node.textContent, range.getClientRects().length]; }));
  assert.equal(pieces.map(([text]) => text).join(''), addr);
  for (const [text, lines] of pieces) assert.equal(lines, 1, `"${text}" is not broken`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await shoot('details-kafka');
  // The same two views in Chinese: still one line per row, one value column.
  await page.selectOption('#language', 'zh-CN');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.match(await page.textContent('#connection-details .danger-zone h3'), /[\u4e00-\u9fff]/);
  await shoot('details-kafka-zh');
  await page.click('#nav-list');
  await page.waitForFunction(() => document.querySelectorAll('#connections-table tbody tr').length === 1);
  assert.ok(await page.$eval('#connections-table tbody tr', (tr) => tr.getBoundingClientRect().height) < 60, 'one line per row in Chinese');
  await shoot('list-dense-zh');
  await page.selectOption('#language', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
});

test('manage connections: find by substring, page, edit a description, delete with the typed name', { timeout: 120_000 }, async () => {
  page = await freshPage(browser);
  await open(page, emu.url, '#/create');
  await useToken(page, emu);
  const stem = unique('fleet');
  // Three through the console...
  const mine = [`${stem}-orders`, `${stem}-billing`, `${stem}-audit`];
  for (const name of mine) {
    await page.click('#nav-create');
    await page.waitForSelector('#create-form');
    await fillWebhook(page, name);
    await page.click('#create-button');
    await page.waitForFunction((n) => document.querySelector('#details-title')?.textContent === n, name);
  }
  // ...and 14 more by another client, so that the search has two pages.
  for (let index = 0; index < 14; index += 1) await emu.create(`${stem}-batch-${String(index).padStart(2, '0')}`);

  await page.click('#nav-list');
  await page.waitForSelector('#connections-table');
  await page.fill('#list-search', `${stem}-bill`);
  await page.click('#list-search-button');
  await page.waitForFunction(() => document.querySelectorAll('#connections-table tbody tr').length === 1);
  assert.match(await page.textContent('#connections-table tbody'), new RegExp(`${stem}-billing`));

  await page.fill('#list-search', stem);
  await page.click('#list-search-button');
  await page.waitForFunction(() => /^1–15 of 17/.test(document.querySelector('#list-range')?.textContent ?? ''));
  const rows = () => page.$$eval('#connections-table tbody a.row-link', (links) => links.map((link) => link.textContent));
  const firstPage = await rows();
  await shoot('list');
  await checkAccessibility('list');
  await page.click('#page-next');
  await page.waitForFunction(() => /^16–17 of 17/.test(document.querySelector('#list-range')?.textContent ?? ''));
  const secondPage = await rows();
  assert.equal(new Set([...firstPage, ...secondPage]).size, 17, 'two pages, no row twice');
  // Newest first: the console's three were created before the batch.
  assert.deepEqual(secondPage, [mine[1], mine[0]]);
  const server = await emu.list(`fuzzy_name=${stem}&limit=100&sort=created_time:DESC`);
  assert.deepEqual([...firstPage, ...secondPage], server.items.map((item) => item.name), 'the list is the emulator\'s');

  // Edit a description from the details.
  await page.click(`#connections-table a.row-link:text-is("${mine[0]}")`);
  await page.waitForFunction((n) => document.querySelector('#details-title')?.textContent === n, mine[0]);
  await page.click('#edit-description');
  await page.fill('#field-description', 'routes order events to the warehouse');
  await page.click('#save-description');
  await page.waitForFunction(() => document.querySelector('#description-status')?.textContent === 'Saved.');
  await shoot('details');
  await checkAccessibility('details');
  const edited = (await emu.list(`name=${mine[0]}`)).items[0];
  assert.equal(edited.description, 'routes order events to the warehouse');

  // Delete another one with the typed confirmation.
  // Back in the list: still on page 2, where this one was found.
  await page.click('#back-to-list');
  await page.waitForFunction(() => /^16–17 of 17/.test(document.querySelector('#list-range')?.textContent ?? ''));
  await page.click('#page-previous');
  await page.waitForFunction(() => /^1–15 of 17/.test(document.querySelector('#list-range')?.textContent ?? ''));
  await page.click(`#connections-table tr:has(a:text-is("${mine[2]}")) button.danger-text`);
  await page.waitForSelector('#delete-dialog[open]');
  // Focus is in the name field; Enter with a near miss is refused.
  await page.keyboard.type(mine[2].slice(0, -1));
  await page.keyboard.press('Enter');
  await page.waitForSelector('#delete-confirm-error p');
  await shoot('delete-confirmation');
  await checkAccessibility('delete confirmation');
  assert.equal(await emu.countNamed(mine[2]), 1, 'a wrong name deletes nothing');
  await page.fill('#delete-confirm-name', mine[2]);
  await page.click('#delete-confirm');
  await page.waitForSelector('#list-notice');
  assert.match(await page.textContent('#list-notice'), new RegExp(`${mine[2]} was deleted`));
  await page.waitForFunction(() => /of 16/.test(document.querySelector('#list-range')?.textContent ?? ''));
  assert.equal(await emu.countNamed(mine[2]), 0);
  // The console and the emulator agree on what is left.
  const left = await emu.list(`fuzzy_name=${stem}&limit=100`);
  assert.equal(left.total, 16);
  const shown = [];
  await page.selectOption('#page-size', '50');
  await page.waitForFunction(() => document.querySelectorAll('#connections-table tbody tr').length === 16);
  shown.push(...(await rows()));
  assert.deepEqual(shown, left.items.map((item) => item.name));
  // A deep link to the deleted one says it is gone.
  await page.goto(`${emu.url}/#/connections/${encodeURIComponent(left.items[0].id)}x`);
  await page.waitForSelector('#details-not-found');
});

test('the folded settings bar: the first row in view at 1280x800, Change, Done and Sign out', async () => {
  for (const n of [1, 2, 3]) await emu.create(unique(`bar-${n}`));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await freshPage(browser, { context });
  await open(page, emu.url, '#/');
  await signIn(page, emu);
  await page.waitForSelector('#settings-bar');
  await page.waitForSelector('#connections-table tbody tr');
  const row = await page.$eval('#connections-table tbody tr', (tr) => tr.getBoundingClientRect().toJSON());
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.ok(row.bottom <= 800, `the first row ends at ${row.bottom}px, within 800`);
  await shoot('settings-bar');
  await checkAccessibility('settings folded into the bar');

  await page.click('#settings-change');
  await page.waitForSelector('#settings-full', { state: 'visible' });
  // Focus moves to the first setting once the panel is drawn (the next frame).
  await page.waitForFunction(() => document.activeElement?.id === 'auth-sign-in', null, { timeout: 2000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'auth-sign-in', 'the chosen way of signing in');
  await page.click('#settings-done');
  await page.waitForSelector('#settings-full', { state: 'hidden' });
  // Focus moves to the bar's Change once the bar is drawn (the next frame).
  await page.waitForFunction(() => document.activeElement?.id === 'settings-change', null, { timeout: 2000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'settings-change');

  await page.click('#settings-sign-out');
  await page.waitForSelector('#settings-full', { state: 'visible' });
  assert.ok(await page.isVisible('#sign-in-user'), 'signed out: sign-in is asked for again');
  await page.waitForSelector('#list-settings-missing');
  await context.close();
});

test('the base URL is applied only with Apply or Enter, and only when it is a URL', { timeout: 60_000 }, async () => {
  // A second API on another origin, which this console may call (CORS).
  const other = await startEmulator({ dist: null, args: ['--cors-origin', emu.url] });
  try {
    page = await freshPage(browser);
    await open(page, emu.url, '#/');
    await useToken(page, emu);
    await page.waitForSelector('#connections-table, #list-empty');
    // Let the reload after the typed token settle, then count.
    await page.waitForTimeout(1000);
    const here = await emu.apiRequests();
    const there = await other.apiRequests();
    // Typed key by key, with pauses longer than any reload's settle time.
    await page.click('#settings-base-url');
    await page.keyboard.type(other.url, { delay: 30 });
    await page.waitForTimeout(1200);
    assert.equal(await other.apiRequests(), there, 'no request to a base URL being typed');
    assert.equal(await emu.apiRequests(), here, 'no reload while it is typed');
    assert.match(await page.textContent('#settings-base-url-applied'), /Not applied yet/);

    // Not a URL, another scheme, credentials in it: refused, nothing sent.
    for (const [typed, message] of [
      ['eg-proxy.example.com', /absolute URL/],
      ['ftp://eg-proxy.example.com', /Only http/],
      ['https://user:secret@eg-proxy.example.com', /user name and password/],
      ['https://eg-proxy.example.com/?x=1', /query/],
    ]) {
      await page.fill('#settings-base-url', typed);
      await page.press('#settings-base-url', 'Enter');
      assert.match(await page.textContent('#settings-base-url-error'), message);
      assert.equal(await page.getAttribute('#settings-base-url', 'aria-invalid'), 'true');
    }
    await page.waitForTimeout(600);
    assert.equal(await emu.apiRequests(), here, 'a refused base URL sends nothing');
    assert.equal(await other.apiRequests(), there);

    // Applied with Enter: the list reloads from the other API (whose token differs).
    await page.fill('#settings-base-url', `${other.url}/`);
    await page.press('#settings-base-url', 'Enter');
    assert.equal(await page.$('#settings-base-url-error'), null);
    assert.equal(await page.inputValue('#settings-base-url'), other.url, 'shown as applied');
    await page.waitForSelector('#list-error');
    assert.ok((await other.apiRequests()) > there, 'the applied base URL is called');
    assert.equal(await page.textContent('#list-error .error-title'), 'The connections could not be listed');
    assert.match(await page.textContent('#list-error'), /Sign in again/);
    await checkAccessibility('a refused and an applied base URL');

    // Emptied and applied with the button: this page's own origin again.
    await page.fill('#settings-base-url', '');
    await page.click('#settings-base-url-apply');
    await page.waitForSelector('#list-error', { state: 'detached' });
    assert.match(await page.textContent('#settings-base-url-applied'), /this page's own origin/);
  } finally {
    other.stop();
  }
});

test('a view that closes aborts its load: the browser cancels the request, nothing is written', async () => {
  const created = await emu.create(unique('abort'));
  page = await freshPage(browser);
  await open(page, emu.url, '#/');
  await useToken(page, emu);
  await page.waitForSelector('#connections-table');
  // The details' load answers only after 4 s; the view closes before that.
  await emu.fault({ kind: 'latency', ms: 4000, method: 'GET', path_prefix: `/v1/${emu.project}/connections/${created.id}` });
  const aborted = new Promise((resolve) => {
    page.on('requestfailed', (request) => {
      if (request.url().endsWith(`/connections/${created.id}`)) resolve(request.failure()?.errorText);
    });
  });
  const sent = page.waitForRequest((request) => request.url().endsWith(`/connections/${created.id}`));
  await page.evaluate((id) => { window.location.hash = `#/connections/${id}`; }, created.id);
  await sent;
  await page.click('#nav-list');
  assert.equal(await aborted, 'net::ERR_ABORTED', 'the closed view aborted its fetch');
  await page.waitForSelector('#connections-table');
  // Past the latency: the late answer was dropped, not written anywhere.
  await page.waitForTimeout(4500);
  assert.equal(await page.$('#connection-details'), null);
  assert.equal(await page.$('#details-error'), null);
});
