// Real-account paths in headless Chromium: the console signing with an
// access key (permanent and temporary) against the emulator, and again
// through a second eg-emulator started with --upstream-eg/--upstream-iam
// (forwarding, as `scripts/run.sh --region R` does to Huawei Cloud), where
// IAM sign-in is driven too. Run by scripts/test-e2e.sh.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fillWebhook, freshPage, launchBrowser, open, seriousViolations, signIn, startEmulator, startForwarder,
} from './harness.mjs';

let emu;
let forwarder;
let browser;
let page;

before(async () => {
  emu = await startEmulator();
  forwarder = await startForwarder(emu.url);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  forwarder?.stop();
  emu?.stop();
});
afterEach(() => {
  assert.deepEqual(page?.problems ?? [], [], 'no uncaught exception, wasm panic or CSP violation');
});

const unique = (prefix) => `${prefix}-${Date.now().toString(36)}`;

/** Chooses the access key method and types the keys. */
async function useAccessKey({ project, access, secret, securityToken = '' }) {
  await page.check('#auth-access-key');
  await page.fill('#settings-project-id', project);
  await page.fill('#settings-access-key', access);
  await page.fill('#settings-secret-key', secret);
  await page.fill('#settings-security-token', securityToken);
}

/** Creates a WEBHOOK connection through the form; resolves on its details. */
async function createThroughForm(name) {
  await page.click('#nav-create');
  await page.waitForSelector('#create-form');
  await fillWebhook(page, name);
  await page.click('#create-button');
  await page.waitForFunction((n) => document.querySelector('#details-title')?.textContent === n, name, { timeout: 20_000 })
    .catch(async (error) => {
      throw new Error(`${error.message}\nthe page says: ${await page.textContent('main')}`);
    });
}

/** Finds `name` in the list, then deletes it with the typed confirmation. */
async function listThenDelete(name) {
  await page.click('#nav-list');
  await page.waitForSelector('#connections-table');
  await page.fill('#list-search', name);
  await page.click('#list-search-button');
  await page.waitForFunction(() => document.querySelectorAll('#connections-table tbody tr').length === 1);
  assert.match(await page.textContent('#connections-table tbody'), new RegExp(name));
  await page.click(`#connections-table tr:has(a:text-is("${name}")) button.danger-text`);
  await page.waitForSelector('#delete-dialog[open]');
  await page.fill('#delete-confirm-name', name);
  await page.click('#delete-confirm');
  await page.waitForSelector('#list-notice');
  assert.match(await page.textContent('#list-notice'), new RegExp(`${name} was deleted`));
  assert.equal(await emu.countNamed(name), 0);
}

/** Nothing secret is in the page's markup or in localStorage. */
async function assertSecretsStayHidden(...secrets) {
  const markup = await page.evaluate(() => document.documentElement.outerHTML);
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  for (const secret of secrets) {
    assert.ok(!markup.includes(secret), 'a secret is not in the markup (inputs hold it as a property only)');
    assert.ok(!local.includes(secret), 'a secret is not in localStorage');
  }
}

/** Asks the emulator's IAM for temporary credentials, as a script would. */
async function temporaryCredentials() {
  const response = await fetch(`${emu.url}/v3.0/OS-CREDENTIAL/securitytokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': emu.token },
    body: JSON.stringify({ auth: { identity: { methods: ['token'], token: { duration_seconds: 900 } } } }),
  });
  assert.equal(response.status, 201);
  const { credential } = await response.json();
  return { access: credential.access, secret: credential.secret, securityToken: credential.securitytoken };
}

test('an access key against the emulator: create, list, delete; the secret stays in memory', { timeout: 90_000 }, async () => {
  page = await freshPage(browser);
  await open(page, emu.url, '#/create');
  await useAccessKey({ project: emu.project, access: emu.accessKey, secret: emu.secretKey });
  // The emulator says it answers the API itself: its own host is signed for.
  await page.waitForFunction(
    (host) => document.querySelector('#settings-signing-host')?.textContent === host,
    new URL(emu.url).host,
  );
  // The pickers' lists are signed too: VPC's answers, so the field is a combobox.
  await page.waitForSelector('#field-vpc_id[role=combobox]');
  const name = unique('ak-direct');
  await createThroughForm(name);
  assert.equal(await emu.countNamed(name), 1);
  await listThenDelete(name);
  await assertSecretsStayHidden(emu.secretKey);
});

test('an access key through the forwarder: the announced host is signed for', { timeout: 90_000 }, async () => {
  page = await freshPage(browser);
  await open(page, forwarder.url, '#/create');
  await useAccessKey({ project: emu.project, access: emu.accessKey, secret: emu.secretKey });
  await page.waitForFunction(
    (host) => document.querySelector('#settings-signing-host')?.textContent === host,
    new URL(emu.url).host,
  );
  assert.match(await page.textContent('.signing-host'), /announced by the server that serves this console/);
  // VPC's and DMS's lists through the forwarder, signed for the hosts it announces.
  await page.waitForSelector('#field-vpc_id[role=combobox]');
  await page.click('#type-kafka');
  await page.waitForSelector('#field-kafka_detail-instance_id[role=combobox]');
  await page.click('#type-webhook');
  // The request preview shows the signature's headers, secrets redacted.
  await fillWebhook(page, unique('preview'));
  await page.click('#show-request');
  const headers = await page.textContent('#request-headers');
  assert.match(headers, new RegExp(`Authorization: SDK-HMAC-SHA256 Access=${emu.accessKey}, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=\\*\\*\\*`));
  assert.match(await page.textContent('#request-curl-note'), /cannot be replayed with plain curl/);
  await page.click('#show-request');

  const name = unique('ak-forwarded');
  await createThroughForm(name);
  await page.waitForFunction(() => document.querySelector('#details-status')?.textContent === 'CREATED', null, { timeout: 20_000 });
  await listThenDelete(name);
  await assertSecretsStayHidden(emu.secretKey);
  const session = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
  assert.ok(!session.includes(emu.secretKey), 'not in sessionStorage unless remembered');
  // Remembered in this tab: a reload keeps the keys, localStorage still never has them.
  await page.check('#settings-remember');
  await page.reload();
  await page.waitForSelector('#connection-list');
  assert.equal(await page.isChecked('#auth-access-key'), true, 'the method is a saved setting');
  assert.equal(await page.inputValue('#settings-secret-key'), emu.secretKey);
  await assertSecretsStayHidden(emu.secretKey);
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], 'axe: the access key settings');
});

test('temporary credentials (AK, SK, security token) through the forwarder', { timeout: 90_000 }, async () => {
  const temporary = await temporaryCredentials();
  page = await freshPage(browser);
  await open(page, forwarder.url, '#/create');
  await useAccessKey({ project: emu.project, ...temporary });
  const name = unique('ak-temporary');
  await createThroughForm(name);
  await listThenDelete(name);
  await assertSecretsStayHidden(temporary.secret, temporary.securityToken);

  // Without its security token, the same key is refused, and the panel says why.
  await page.fill('#settings-security-token', '');
  await page.click('#nav-create');
  await page.waitForSelector('#create-form');
  await fillWebhook(page, unique('no-token'));
  await page.click('#create-button');
  await page.waitForSelector('#error-panel');
  assert.match(await page.textContent('#error-panel'), /security token is missing or wrong/);
});

test('refused signatures say why: a wrong secret key, a clock 20 minutes fast; the form is kept', { timeout: 90_000 }, async () => {
  page = await freshPage(browser);
  await open(page, forwarder.url, '#/create');
  await useAccessKey({ project: emu.project, access: emu.accessKey, secret: `${emu.secretKey}x` });
  const name = unique('refused');
  await fillWebhook(page, name);
  await page.click('#create-button');
  await page.waitForSelector('#error-panel');
  let text = await page.textContent('#error-panel');
  assert.match(text, /The signature does not match/);
  assert.match(text, /APIGW\.0301/);
  assert.match(text, new RegExp(new URL(emu.url).host.replace(/\./g, '\\.')), 'the signed host is shown');
  assert.equal(await page.inputValue('#field-name'), name, 'the form is kept');
  await page.click('#error-panel button.secondary');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'settings-secret-key');

  // A clock 20 minutes fast: the skew is measured from the answer's Date.
  const skewed = await freshPage(browser);
  page = skewed;
  await page.addInitScript(() => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + 20 * 60 * 1000;
  });
  await open(page, forwarder.url, '#/create');
  await useAccessKey({ project: emu.project, access: emu.accessKey, secret: emu.secretKey });
  await fillWebhook(page, unique('skewed'));
  await page.click('#create-button');
  await page.waitForSelector('#error-panel');
  text = await page.textContent('#error-panel');
  assert.match(text, /This computer's clock is (19|20|21) min ahead of Huawei Cloud's/);
});

test('IAM sign-in through the forwarder: create, list, delete with the token', { timeout: 90_000 }, async () => {
  page = await freshPage(browser);
  await open(page, forwarder.url, '#/');
  await signIn(page, emu);
  await page.waitForSelector('#settings-bar');
  const name = unique('signed-in');
  await createThroughForm(name);
  await listThenDelete(name);
});
