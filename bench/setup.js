// What every browser benchmark needs first: a Chromium, a build, and `vite preview` serving it.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import { chromiumLaunchArgs, findChromium, HOW_TO_GET_CHROMIUM } from '../scripts/chromium.js';

/** @returns {Promise<{ browser: import('@playwright/test').Browser, base: string, chromiumPath: string, close: () => Promise<void> }>} */
export async function startBench(port) {
  port = Number(process.env.LOUPE_PORT ?? port);
  const found = findChromium();
  if (!found) {
    console.error(HOW_TO_GET_CHROMIUM);
    process.exit(1);
  }
  if (!existsSync('dist/index.html')) {
    console.error('No build found: run `npm run build` first.');
    process.exit(1);
  }
  const server = await preview({ preview: { port, strictPort: true }, logLevel: 'silent' });
  const browser = await chromium.launch({ executablePath: found.path, args: chromiumLaunchArgs() });
  return {
    browser,
    base: `http://localhost:${port}/`,
    chromiumPath: found.path,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.httpServer.close(resolve));
    },
  };
}
