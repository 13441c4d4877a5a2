// `npm run screenshots`: builds nothing; serves dist/ with `vite preview` and saves what a person
// sees in a few states of the app, for the README and for reviewing changes by eye.
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { mkdirSync } from 'node:fs';
import { chromiumLaunchArgs, findChromium, HOW_TO_GET_CHROMIUM } from './chromium.js';

const out = process.argv[2] ?? 'docs';
const found = findChromium();
if (!found) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const port = Number(process.env.LOUPE_PORT ?? 4180);
const server = await preview({ preview: { port, strictPort: true } });
const base = `http://localhost:${port}/`;
const browser = await chromium.launch({ executablePath: found.path, args: chromiumLaunchArgs() });

async function shoot(name, { theme = 'light', large = false, code, action } = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(
    ([theme, large]) =>
      localStorage.setItem('loupe:settings', JSON.stringify({ theme, largeText: large })),
    [theme, large],
  );
  await page.goto(`${base}#/python`);
  await page.waitForSelector('[data-status=ready]', { timeout: 60_000 });
  const editor = page.locator('[data-testid=code-editor][data-ready=true] .cm-content');
  if (code) {
    await editor.fill(code);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    if (action) await action(page);
    await page.waitForSelector('[data-testid=duration]', { timeout: 60_000 });
  }
  await page.screenshot({ path: `${out}/${name}.png` });
  await page.close();
  console.log(`${out}/${name}.png`);
}

async function shootPlayground() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${base}#/playground`);
  await page.waitForSelector('[data-status=ready]', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Labelled examples' }).click();
  const recording = page.getByLabel('Recording', { exact: true });
  const option = recording.locator('option').filter({ hasText: /^#dev-013 ·/ });
  await recording.selectOption((await option.getAttribute('value')) ?? '');
  await page.getByLabel('Replay speed').fill('1000');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForSelector('[data-testid=end-reason]', { timeout: 60_000 });
  await page.getByTestId('engine-label').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/playground-replay.png` });
  await page.getByRole('button', { name: 'Change the setup' }).click();
  await page.getByText('A model on this device').click();
  await page.waitForSelector('[data-testid=webgpu-status]');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${out}/playground-models.png` });
  await page.getByRole('tab', { name: 'Analyse recordings' }).click();
  await page.getByRole('button', { name: /Labelled examples/ }).click();
  await page.getByTestId('transcript-table').getByRole('button', { name: 'dev-021' }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${out}/playground-recordings.png` });
  await page.close();
  console.log(`${out}/playground-*.png`);
}

/** The first screen, presenter mode on a projector (A+, light and dark) and a phone. */
async function shootClassroom() {
  for (const theme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript(
      (theme) => localStorage.setItem('loupe:settings', JSON.stringify({ theme, largeText: true })),
      theme,
    );
    await page.goto(base);
    await page.waitForSelector('[data-status=ready]', { timeout: 60_000 });
    if (theme === 'light') await page.screenshot({ path: `${out}/first-screen.png` });
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.waitForSelector('[data-testid=end-reason]', { state: 'attached', timeout: 60_000 });
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}/presenter-${theme}.png` });
    await page.close();
  }
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(base);
  await phone.waitForSelector('[data-status=ready]', { timeout: 60_000 });
  await phone.screenshot({ path: `${out}/phone.png` });
  await phone.getByLabel('Replay speed').fill('1000');
  await phone.getByRole('button', { name: 'Run', exact: true }).click();
  await phone.waitForSelector('[data-testid=end-reason]', { timeout: 60_000 });
  await phone.screenshot({ path: `${out}/phone-run.png` });
  await phone.close();
  console.log(`${out}/first-screen.png, presenter-*.png, phone*.png`);
}

async function shootTrace() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}#/trace`);
  await page.waitForSelector('[data-testid=code-editor][data-ready=true]');
  await page.getByRole('button', { name: 'Trace', exact: true }).click();
  await page.waitForSelector('[data-testid=trace-summary]', { timeout: 60_000 });
  for (let i = 0; i < 4; i++) await page.getByLabel('Next step').click();
  await page.screenshot({ path: `${out}/trace-view.png` });
  await page.close();
  console.log(`${out}/trace-view.png`);
}

try {
  await shoot('python-hello', {
    code: 'import sys\n\nprint("Hello from Python", sys.version.split()[0])\nprint("this goes to stderr", file=sys.stderr)\nsum(range(101))\n',
  });
  await shoot('python-traceback', {
    theme: 'dark',
    code: 'def average(values):\n    return sum(values) / len(values)\n\naverage([])\n',
  });
  await shoot('python-stopped', {
    code: 'import time\nprint("sleeping…")\ntime.sleep(60)\n',
    action: async (page) => {
      await page.waitForTimeout(500);
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
    },
  });
  await shoot('python-projector', {
    large: true,
    code: 'for i in range(100_000):\n    print(f"line {i}: " + "x" * 40)\n',
  });
  await shootPlayground();
  await shootClassroom();
  await shootTrace();
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
