import { chromium } from '@playwright/test';
import { preview } from 'vite';
const server = await preview({ preview: { port: 4182 }, logLevel: 'silent' });
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
for (let i = 0; i < 2; i++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  let nav;
  page.on('console', (m) => {
    const [_, name, t] = m.text().split(' ');
    if (_ === 'T') console.log(name, (Number(t) - nav).toFixed(0));
  });
  page.on('request', (r) => {
    if (r.url().includes('pyodide') || r.url().includes('worker'))
      console.log('req', r.url().split('/').pop(), Date.now() - nav);
  });
  page.on('requestfinished', (r) => {
    if (r.url().includes('pyodide'))
      console.log('done', r.url().split('/').pop(), Date.now() - nav);
  });
  nav = Date.now();
  await page.goto('http://localhost:4182/#/python');
  nav = await page.evaluate(() => performance.timeOrigin);
  await page.waitForSelector('[data-status=ready]', { timeout: 30000 });
  console.log(
    'ready',
    await page.evaluate(() => performance.getEntriesByName('loupe:python-ready')[0].startTime),
  );
  await ctx.close();
}
await browser.close();
server.httpServer.close();
