import { chromium } from 'playwright-core';
import { serve, CHROMIUM_ARGS } from './coldstart.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const [name, root, path] of [['now', '/work/main/dist', '/'], ['48ce3c4', '/work/dev/dist', '/'], ['React', '/work/main/bench/peer-react/dist', '/']]) {
  const server = await serve(root);
  const page = await browser.newPage();
  await page.goto(server.url + path);
  await page.waitForTimeout(1500);
  const counts = await page.evaluate(() => {
    const all = document.body.querySelectorAll('*');
    const visible = [...all].filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
    const controls = visible.filter((e) => e.matches('input, select, textarea, button, a[href]'));
    return { elements: all.length, visible: visible.length, controls: controls.length };
  });
  console.log(name, JSON.stringify(counts));
  await page.close();
  server.close();
}
await browser.close();
