// What a newcomer's first screen holds: elements, and the controls one can
// tab to, of the console (no settings yet) and of the React peer, each
// served from its built files, in headless Chromium.
//
//   node bench/first-screen.mjs   (after scripts/build-console.sh and the peer's build, as bench/run.sh does)
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, serve } from './coldstart.mjs';

const APPS = {
  'eg-connections console': fileURLToPath(new URL('../dist', import.meta.url)),
  'React + react-hook-form + zod': fileURLToPath(new URL('./peer-react/dist', import.meta.url)),
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  for (const [name, root] of Object.entries(APPS)) {
    const server = await serve(root);
    const page = await browser.newPage();
    await page.goto(server.url);
    // The console marks itself interactive; the React page is at once.
    await page.waitForFunction(() => document.querySelector('#boot') === null && document.body.children.length > 0);
    await page.waitForTimeout(500);
    const counts = await page.evaluate(() => {
      const shown = [...document.body.querySelectorAll('*')].filter((element) => element.getClientRects().length > 0);
      const controls = shown.filter((element) => element.matches('input, select, textarea, button, a[href]'));
      return { elements: shown.length, controls: controls.length };
    });
    console.log(`${name}: ${counts.elements} elements shown, ${counts.controls} controls`);
    await page.close();
    server.close();
  }
} finally {
  await browser.close();
}
