import { chromium } from '@playwright/test';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto('http://localhost:4173/');
await page.waitForSelector('[data-status=ready]', { timeout: 30000 });
const r = await page.evaluate(async () => {
  const py = globalThis.loupe.python;
  const t0 = performance.now();
  const p = py.run('import time\nprint("a", flush=True)\ntime.sleep(5)\nprint("b")', {
    onOutput: (s, t) => console.log('out', s, JSON.stringify(t), performance.now() - t0),
  });
  setTimeout(() => {
    console.log('stop at', performance.now() - t0);
    py.stop();
  }, 1000);
  const res = await p;
  return { ...res, t: performance.now() - t0 };
});
console.log(JSON.stringify(r));
await browser.close();
