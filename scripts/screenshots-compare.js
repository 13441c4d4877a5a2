// `node scripts/screenshots-compare.js [DIR]`: the Compare view on first open (the bundled
// MathCoder ladder), at 1280x720 with large text, 1920x1080 and 390x844, light and dark.
// Serves dist/ (run `npm run build` first) on LOUPE_PORT.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { preview } from 'vite';
import { chromiumLaunchArgs, findChromium, HOW_TO_GET_CHROMIUM } from './chromium.js';

const out = process.argv[2] ?? 'docs';
const found = findChromium();
if (!found) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const port = Number(process.env.LOUPE_PORT ?? 4180);
const server = await preview({ preview: { port, strictPort: true }, logLevel: 'silent' });
const browser = await chromium.launch({ executablePath: found.path, args: chromiumLaunchArgs() });

const SHOTS = [
  { name: 'compare-1280', width: 1280, height: 720, theme: 'light', large: true },
  { name: 'compare-1280-dark', width: 1280, height: 720, theme: 'dark', large: true },
  { name: 'compare-1920', width: 1920, height: 1080, theme: 'light', large: false },
  { name: 'compare-1920-dark', width: 1920, height: 1080, theme: 'dark', large: false },
  { name: 'compare-390', width: 390, height: 844, theme: 'light', large: false },
  { name: 'compare-390-dark', width: 390, height: 844, theme: 'dark', large: false },
];

try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    await page.addInitScript(
      ([theme, large]) =>
        localStorage.setItem('loupe:settings', JSON.stringify({ theme, largeText: large })),
      [shot.theme, shot.large],
    );
    await page.goto(`http://localhost:${port}/#/compare`);
    await page.waitForSelector('[data-testid=chart-tokens-by-outcome] svg', { timeout: 600_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${shot.name}.png`, fullPage: true });
    await page.close();
    console.log(`${out}/${shot.name}.png`);
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
